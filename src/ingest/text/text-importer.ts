import { makeArticleId, slugify } from "../../model/article.ts";
import { decodedTextOrNull, decodeText } from "../encoding.ts";
import type { Importer, Source } from "../importer.ts";
import { displayName } from "../read-input.ts";
import { contentHash } from "../source-hash.ts";
import { parseCopiedText } from "./parse-copied-text.ts";

/** Section for a text that names none and was given no default (a single file outside any folder run). */
export const FALLBACK_SECTION = "News";

/** A JSON array opens with a value; a headline such as "[Video] Floods" does not. */
function isJsonArrayStart(text: string): boolean {
  return /^\s*\[\s*(?:[[{"\d\]-]|true|false|null)/.test(text);
}

/**
 * Plain text: a copied news page or a corpus file. Detection accepts anything that decodes as text and
 * does not open like JSON or markup, so this importer must stay last in the registry.
 */
export const textImporter: Importer = {
  format: "text",
  detect(source: Source): boolean {
    const text = decodedTextOrNull(source.bytes);
    if (text === null) return false;
    // JSON and markup belong to other importers; a headline may still start with "[" ("[Video] …").
    const first = /\S/.exec(text)?.[0];
    if (!first || first === "{" || first === "<") return false;
    return !isJsonArrayStart(text);
  },
  parse(source: Source) {
    const page = parseCopiedText(decodeText(source.bytes).text);
    if (page.note) source.notes?.push(page.note);
    const hash = contentHash(source.bytes);
    return [
      {
        // From the bytes, so importing the same file again maps to the same article.
        id: makeArticleId(hash),
        slug: slugify(page.headline),
        section: page.section ?? source.defaultSection ?? FALLBACK_SECTION,
        headline: page.headline,
        byline: page.byline,
        firstPublished: page.published ?? null,
        summary: page.summary,
        blocks: page.blocks,
        origin: { format: "text", path: displayName(source.name), contentHash: hash },
      },
    ];
  },
};
