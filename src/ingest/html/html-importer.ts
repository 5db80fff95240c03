import type { Block } from "../../blocks/block.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { blockText } from "../../blocks/text.ts";
import { type ArticleInput, makeArticleId, slugify } from "../../model/article.ts";
import { ImportError, type Importer, type Source } from "../importer.ts";
import { safeText } from "../sanitize.ts";
import { looksBinary } from "./decode.ts";
import { normaliseDate, normaliseLanguage, splitByline } from "./metadata.ts";
import { extractHtml } from "./page.ts";
import { cleanPerson, cleanStandfirst, isSocialCard, samePicture } from "./tidy.ts";

const FALLBACK_SECTION = "News";
const HTML_NAME = /\.(x?html?|php|aspx?)$/i;
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const HTML_TAGS = /<(?:html|head|body|p|div|article|h1|h2|title|meta)\b[^>]*>/gi;
const RTL_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/g;

/** An HTML page, detected by its opening (doctype, <html>, <head>…) or by tags throughout, not only by name. */
export function looksLikeHtml(source: Source): boolean {
  const head = source.bytes
    .subarray(0, 8192)
    .toString("latin1")
    .replace(/^\xef\xbb\xbf/, "");
  if (HTML_START.test(head)) return true;
  // Not XML feeds or JSON, which their own importers read.
  if (/^\s*(?:[{[]|<\?xml[^>]*>\s*<(?:rss|feed|rdf:RDF)\b)/i.test(head)) return false;
  if ((head.match(HTML_TAGS)?.length ?? 0) >= 3 && /^\s*</.test(head)) return true;
  // A file named .html is ours even when it is broken, so the user gets an HTML-specific message.
  return HTML_NAME.test(source.name) && (looksBinary(source.bytes) || /^\s*(?:<|$)/.test(head));
}

/** Language from the script when the page declares none: CJK, kana, Hangul, Arabic and Hebrew are unambiguous enough. */
function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, 4000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const letters = count(/\p{L}/gu) || 1;
  if (count(/[\u3040-\u30ff]/g) / letters > 0.1) return "ja";
  if (count(/[\uac00-\ud7af]/g) / letters > 0.3) return "ko";
  if (count(/[\u4e00-\u9fff]/g) / letters > 0.3) return "zh";
  if (count(/[\u0600-\u06ff]/g) / letters > 0.3) return "ar";
  if (count(/[\u0590-\u05ff]/g) / letters > 0.3) return "he";
  return undefined;
}

function rtlByScript(text: string): boolean {
  const sample = text.slice(0, 4000);
  const rtl = sample.match(RTL_SCRIPT)?.length ?? 0;
  const letters = sample.match(/\p{L}/gu)?.length ?? 1;
  return rtl / letters > 0.3;
}

/** Removes a trailing " | Site" or " - Site" from a title when it names the site. */
function withoutSiteName(title: string, siteName?: string): string {
  if (!siteName) return title;
  const m = title.match(/^(.*\S)\s+[|\-–—:·]\s+(.+)$/);
  return m && m[2].toLowerCase() === siteName.toLowerCase() ? m[1] : title;
}

/** The original page's credit: only for a page with a web address (a file without one has nothing to credit). */
function sourceOf(url: string | null, publisher: string | undefined, published: string | undefined) {
  if (!url || !/^https?:\/\//.test(url)) return undefined;
  const name = publisher ? truncate(publisher, 200) : new URL(url).hostname.replace(/^www\./, "");
  return { url, publisher: name, ...(published ? { published } : {}) };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

export const htmlImporter: Importer = {
  format: "html",
  detect: looksLikeHtml,
  parse(source: Source): ArticleInput[] {
    const extraction = extractHtml(source.bytes, source.baseUrl);
    const { metadata, blocks: body, readability } = extraction;
    const textBlocks = body.filter((b) => b.type !== "image" && b.type !== "embed" && b.type !== "media");
    const headline = truncate(
      extraction.headline
        ? withoutSiteName(extraction.headline, metadata.siteName)
        : withoutSiteName(safeText(readability?.title), metadata.siteName),
      400,
    );
    if (textBlocks.length === 0 && !headline)
      throw new ImportError("no article found in the page (no headline, no body text)");
    if (textBlocks.length === 0 && body.length === 0) throw new ImportError("no article text found in the page");

    const blocks: Block[] = [...body];
    const leadSrc = metadata.leadImage;
    if (leadSrc && !blocks.some((b) => b.type === "image" && samePicture(b.src, leadSrc))) {
      // The model has no lead-image field: the lead image opens the body. The page's own <img> of the
      // same picture gives its alt, caption and renditions; a social-card crop (logo overlay) gives way to it.
      const shown = extraction.leadImage;
      const lead: ImageBlock = shown
        ? { ...shown, src: isSocialCard(leadSrc) || !shown.src ? shown.src : leadSrc }
        : { type: "image", src: leadSrc, alt: "", sizes: [] };
      // The page's words for its picture, in order: its alt, the share image's alt, its caption.
      if (!lead.alt) lead.alt = metadata.leadImageAlt ?? lead.caption ?? "";
      if (isSocialCard(lead.src ?? "")) lead.sizes = lead.sizes.filter((s) => !isSocialCard(s.src));
      blocks.unshift(lead);
    }
    const text = textBlocks.map((b) => ("text" in b ? b.text : "")).join(" ");
    const language =
      metadata.language ?? normaliseLanguage(readability?.lang) ?? guessLanguage(`${headline} ${text}`) ?? "en";
    const direction =
      metadata.direction ??
      (readability?.dir === "rtl" || readability?.dir === "ltr" ? readability.dir : undefined) ??
      (rtlByScript(text) ? "rtl" : "ltr");
    const fromReadability = splitByline(readability?.byline);
    const rawNames = metadata.byline.length
      ? metadata.byline
      : fromReadability.length
        ? fromReadability
        : metadata.pageByline;
    // One person once: "By By TOM KRISHER, AP Auto Writer" and "Tom Krisher" are the same name.
    const names = [...new Map(rawNames.map(cleanPerson).map((p) => [p.name.toLowerCase(), p])).values()];
    const sourceUrl = metadata.canonicalUrl ?? source.baseUrl ?? null;
    const firstHeadline =
      headline || (textBlocks[0] && "text" in textBlocks[0] ? truncate(textBlocks[0].text, 120) : "");

    return [
      {
        // From the page's URL when it has one, so re-importing the page updates the same article.
        id: makeArticleId(sourceUrl ?? source.name),
        slug: slugify(firstHeadline),
        section: metadata.section ?? source.defaultSection ?? FALLBACK_SECTION,
        headline: firstHeadline,
        summary: cleanStandfirst(
          metadata.summary ?? safeText(readability?.excerpt),
          textBlocks.slice(0, 3).map(blockText).join(" "),
        ),
        byline: names
          .slice(0, 12)
          .map((p) =>
            p.role ? { name: truncate(p.name, 200), role: truncate(p.role, 200) } : { name: truncate(p.name, 200) },
          ),
        language,
        direction,
        firstPublished: metadata.published ?? normaliseDate(readability?.publishedTime) ?? null,
        updated: metadata.updated ?? null,
        sourceUrl,
        source: sourceOf(sourceUrl, metadata.siteName ?? metadata.publisher, metadata.published),
        blocks,
        tags: metadata.tags,
      },
    ];
  },
};
