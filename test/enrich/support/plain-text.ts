import { readFileSync } from "node:fs";
import { type Article, type Block, makeArticleId, parseArticle, slugify } from "../../../src/model/article.ts";

/**
 * A small stand-in for the text importer, enough to feed enrichment in tests: the BBC corpus
 * layout (headline, blank line, one paragraph per line) and the reference page's furniture
 * (section line, media captions, crossheads, trailing link lists).
 */
export function articleFromText(
  text: string,
  options: { section?: string; path?: string; firstPublished?: string } = {},
) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const nonEmpty = lines.filter((l) => l.length > 0);
  let section = options.section ?? "News";
  let at = 0;
  // The reference page starts with its section name, then the headline.
  if (
    nonEmpty[0] &&
    nonEmpty[1] &&
    nonEmpty[0].split(" ").length <= 3 &&
    !/[.!?]$/.test(nonEmpty[0]) &&
    options.section === undefined
  ) {
    section = nonEmpty[0];
    at = 1;
  }
  const headline = nonEmpty[at];
  const blocks: Block[] = [];
  for (const line of nonEmpty.slice(at + 1)) {
    if (line === "More on this story" || line === "Related Internet links") break;
    if (line === "Media playback is unsupported on your device") continue;
    if (line.startsWith("Media caption")) {
      blocks.push({
        type: "media",
        kind: "video",
        caption: line.slice("Media caption".length),
        sources: [],
        fallbackText: "",
      });
      continue;
    }
    if (/^'[^']{1,60}'$/.test(line)) {
      blocks.push({ type: "crosshead", text: line.slice(1, -1), level: 2 });
      continue;
    }
    blocks.push({ type: "paragraph", text: line });
  }
  return parseArticle({
    id: makeArticleId(options.path ?? headline),
    slug: slugify(headline),
    section,
    headline,
    blocks,
    firstPublished: options.firstPublished ?? null,
  }) as Article;
}

export function articleFromFile(path: string, options: { section?: string; firstPublished?: string } = {}): Article {
  const bytes = readFileSync(path);
  // One corpus file is Latin-1; a failed UTF-8 decode shows as U+FFFD.
  let text = bytes.toString("utf8");
  if (text.includes("\uFFFD")) text = bytes.toString("latin1");
  return articleFromText(text, { ...options, path });
}
