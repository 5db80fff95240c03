import type { Block } from "../../blocks/block.ts";
import { fragmentToBlocks } from "../../blocks/from-html.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import type { MediaBlock } from "../../blocks/media/schema.ts";
import { MEDIA_FALLBACK_TEXT } from "../../blocks/media/schema.ts";
import { type ArticleInput, makeArticleId, slugify } from "../../model/article.ts";
import { decodeHtml } from "../html/decode.ts";
import { normaliseDate, normaliseLanguage, splitByline } from "../html/metadata.ts";
import { ImportError, type Importer, type Source } from "../importer.ts";
import { safeText, safeUrl } from "../sanitize.ts";
import { type FeedItem, parseFeed } from "./parse-feed.ts";

const FALLBACK_SECTION = "News";
const FEED_ROOT =
  /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*\?>|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*<(?:rss|feed|rdf:RDF)\b/i;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** Enclosures and media:content as blocks: images, or audio/video with their MIME type. */
function mediaBlocks(item: FeedItem, base?: string): Block[] {
  const blocks: Block[] = [];
  for (const m of item.media) {
    const src = safeUrl(m.url, base);
    if (!src) continue;
    const type = m.type ?? "";
    if (type.startsWith("image") || /\.(jpe?g|png|gif|webp|avif)(\?|$)/i.test(src)) {
      const image: ImageBlock = { type: "image", src, alt: "", sizes: [] };
      blocks.push(image);
    } else if (/^(video|audio)\//.test(type)) {
      const media: MediaBlock = {
        type: "media",
        kind: type.startsWith("audio") ? "audio" : "video",
        caption: "",
        sources: [{ src, mimeType: type.split(";")[0].trim() }],
        fallbackText: MEDIA_FALLBACK_TEXT,
      };
      blocks.push(media);
    }
  }
  return blocks;
}

function toArticle(
  item: FeedItem,
  feedLanguage: string | undefined,
  source: Source,
  base?: string,
): ArticleInput | undefined {
  const link = safeUrl(item.link, base);
  const itemBase = link ?? base;
  const body = item.content
    ? fragmentToBlocks(item.content, itemBase)
    : item.summary
      ? fragmentToBlocks(item.summary, itemBase)
      : [];
  const summary = truncate(safeText(item.summary ?? ""), 2000);
  const headline = truncate(safeText(item.title) || summary || safeText(item.content), 400);
  if (!headline) return undefined;
  const blocks = [...body];
  const known = new Set(blocks.map((b) => (b.type === "image" ? b.src : "")));
  for (const m of mediaBlocks(item, itemBase)) if (m.type !== "image" || !known.has(m.src)) blocks.push(m);
  const categories = item.categories.map((c) => safeText(c).slice(0, 100)).filter(Boolean);
  // The GUID (else the link) identifies the item, so importing the feed again updates rather than duplicates.
  const identity = item.guid ?? item.link ?? `${source.name}#${headline}`;
  return {
    id: makeArticleId(identity),
    slug: slugify(headline),
    section: categories[0] ?? source.defaultSection ?? FALLBACK_SECTION,
    headline,
    summary: summary === headline ? "" : summary,
    byline: item.authors
      .flatMap((a) => splitByline(a.replace(/^\S+@\S+\s*\((.*)\)$/, "$1")))
      .slice(0, 12)
      .map((name) => ({ name: truncate(name, 200) })),
    language: normaliseLanguage(feedLanguage) ?? "en",
    firstPublished: normaliseDate(item.published) ?? normaliseDate(item.updated) ?? null,
    updated: normaliseDate(item.updated) ?? null,
    sourceUrl: link ?? null,
    blocks,
    tags: [...new Set(categories)],
  };
}

/** RSS 2.0, RSS 1.0 and Atom: each item an article, from its full content when the feed carries it. */
export const feedImporter: Importer = {
  format: "feed",
  detect(source: Source): boolean {
    const head = source.bytes
      .subarray(0, 4096)
      .toString("latin1")
      .replace(/^\xef\xbb\xbf/, "");
    return FEED_ROOT.test(head);
  },
  parse(source: Source): ArticleInput[] {
    const feed = parseFeed(decodeHtml(source.bytes));
    const base = safeUrl(feed.link, source.baseUrl) ?? source.baseUrl;
    const articles = new Map<string, ArticleInput>();
    for (const item of feed.items) {
      const article = toArticle(item, feed.language, source, base);
      // A feed that lists the same item twice yields it once.
      if (article && !articles.has(article.id as string)) articles.set(article.id as string, article);
    }
    if (articles.size === 0)
      throw new ImportError(`the ${feed.kind === "atom" ? "Atom" : "RSS"} feed has no items with a title or text`);
    return [...articles.values()];
  },
};
