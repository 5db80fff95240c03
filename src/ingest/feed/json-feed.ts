import { z } from "zod";
import type { Block } from "../../blocks/block.ts";
import { fragmentToBlocks } from "../../blocks/from-html.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "../../blocks/media/schema.ts";
import { type ArticleInput, makeArticleId, slugify } from "../../model/article.ts";
import { decodeText } from "../encoding.ts";
import { normaliseDate, normaliseLanguage, splitByline } from "../html/metadata.ts";
import { ImportError, type Importer, type Source } from "../importer.ts";
import { safeText, safeUrl } from "../sanitize.ts";

const FALLBACK_SECTION = "News";
// A JSON Feed names its version, by convention as its first key.
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1(?:\.1)?\/?"/;

const text = z.string({ error: "must be a string" });
const author = z.object({ name: text.optional(), url: text.optional(), avatar: text.optional() }).loose();
const attachment = z
  .object({
    url: text,
    mime_type: text,
    title: text.optional(),
    size_in_bytes: z.number({ error: "must be a number" }).optional(),
    duration_in_seconds: z.number({ error: "must be a number" }).optional(),
  })
  .loose();
const item = z
  .object({
    // 1.0 feeds sometimes give a number; the spec asks for a string, so it is read as one.
    id: z.union([text, z.number()], { error: "must be a string" }).transform(String),
    url: text.optional(),
    external_url: text.optional(),
    title: text.optional(),
    content_html: text.optional(),
    content_text: text.optional(),
    summary: text.optional(),
    image: text.optional(),
    banner_image: text.optional(),
    date_published: text.optional(),
    date_modified: text.optional(),
    authors: z.array(author, { error: "must be an array of authors" }).optional(),
    /** JSON Feed 1.0 had one author. */
    author: author.optional(),
    tags: z.array(text, { error: "must be an array of strings" }).optional(),
    language: text.optional(),
    attachments: z.array(attachment, { error: "must be an array of attachments" }).optional(),
  })
  .loose()
  .refine((i) => i.content_html !== undefined || i.content_text !== undefined, {
    error: "needs content_html or content_text",
  });
const jsonFeedSchema = z
  .object({
    version: text,
    title: text,
    home_page_url: text.optional(),
    feed_url: text.optional(),
    language: text.optional(),
    authors: z.array(author, { error: "must be an array of authors" }).optional(),
    author: author.optional(),
    items: z.array(item, { error: "must be an array" }),
  })
  .loose();

type JsonFeed = z.infer<typeof jsonFeedSchema>;
type JsonFeedItem = JsonFeed["items"][number];

/** "items[3].attachments[0].url" from a zod path. */
function fieldName(path: PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    "",
  );
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** content_text as paragraphs: blank lines separate them, single newlines are kept inside. */
function textBlocks(value: string): Block[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => safeText(p).replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((p) => ({ type: "paragraph", text: p }));
}

function imageBlock(src: string): ImageBlock {
  return { type: "image", src, alt: "", sizes: [] };
}

function attachmentBlock(a: JsonFeedItem["attachments"] extends (infer A)[] | undefined ? A : never, base?: string) {
  const src = safeUrl(a.url, base);
  if (!src) return undefined;
  const type = a.mime_type.split(";")[0].trim().toLowerCase();
  if (type.startsWith("image/")) return imageBlock(src);
  if (!/^(video|audio)\/[\w.+-]+$/.test(type)) return undefined;
  const media: MediaBlock = {
    type: "media",
    kind: type.startsWith("audio") ? "audio" : "video",
    caption: safeText(a.title ?? ""),
    sources: [{ src, mimeType: type }],
    fallbackText: MEDIA_FALLBACK_TEXT,
    ...(a.duration_in_seconds !== undefined && a.duration_in_seconds >= 0
      ? { durationSeconds: a.duration_in_seconds }
      : {}),
  };
  return media;
}

function toArticle(entry: JsonFeedItem, feed: JsonFeed, source: Source, base?: string): ArticleInput | undefined {
  const link = safeUrl(entry.url ?? entry.external_url, base);
  const itemBase = link ?? base;
  const body = entry.content_html
    ? fragmentToBlocks(entry.content_html, itemBase)
    : textBlocks(entry.content_text ?? "");
  const summary = truncate(safeText(entry.summary ?? ""), 2000);
  const firstText = safeText(entry.content_text ?? entry.content_html ?? "").replace(/\s+/g, " ");
  const headline = truncate(safeText(entry.title).replace(/\s+/g, " ").trim() || summary || firstText, 400);
  if (!headline) return undefined;
  const blocks: Block[] = [];
  const known = new Set(body.map((b) => (b.type === "image" ? b.src : "")));
  // The item's lead picture goes first unless the body shows it already.
  const lead = safeUrl(entry.banner_image ?? entry.image, itemBase);
  if (lead && !known.has(lead)) blocks.push(imageBlock(lead));
  blocks.push(...body);
  for (const a of entry.attachments ?? []) {
    const block = attachmentBlock(a, itemBase);
    if (block && (block.type !== "image" || !known.has(block.src))) blocks.push(block);
  }
  const tags = (entry.tags ?? []).map((t) => safeText(t).slice(0, 100)).filter(Boolean);
  const authors =
    entry.authors ?? (entry.author ? [entry.author] : (feed.authors ?? (feed.author ? [feed.author] : [])));
  return {
    // The item's id is its identity: importing the feed again updates the same articles.
    id: makeArticleId(`jsonfeed:${entry.id}`),
    slug: slugify(headline),
    // As for RSS categories: the first tag files the item (the site's own feed puts the section there).
    section: tags[0] ?? source.defaultSection ?? FALLBACK_SECTION,
    headline,
    summary: summary === headline ? "" : summary,
    byline: authors
      .flatMap((a) => splitByline(a.name))
      .slice(0, 12)
      .map((name) => ({ name: truncate(name, 200) })),
    language: normaliseLanguage(entry.language ?? feed.language) ?? "en",
    firstPublished: normaliseDate(entry.date_published) ?? normaliseDate(entry.date_modified) ?? null,
    updated: normaliseDate(entry.date_modified) ?? null,
    sourceUrl: link ?? null,
    blocks,
    tags: [...new Set(tags)],
  };
}

/** Parses and checks a JSON Feed; every problem is one line naming the field. */
export function parseJsonFeed(raw: string): JsonFeed {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new ImportError(`JSON Feed is not valid JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = jsonFeedSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = fieldName(issue.path);
    const given = issue.path.reduce<unknown>(
      (v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
      value,
    );
    const message = given === undefined && issue.path.length > 0 ? "is missing" : issue.message;
    throw new ImportError(`JSON Feed field ${field || "(top level)"} ${message}`);
  }
  return parsed.data;
}

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): each item an article. */
export const jsonFeedImporter: Importer = {
  format: "json-feed",
  detect(source: Source): boolean {
    // The version is ASCII: a byte-level look at the opening is enough, whatever the encoding of the rest.
    const head = source.bytes
      .subarray(0, 65536)
      .toString("latin1")
      .replace(/^\xef\xbb\xbf/, "");
    return /^\s*\{/.test(head) && JSON_FEED_VERSION.test(head);
  },
  parse(source: Source): ArticleInput[] {
    const feed = parseJsonFeed(decodeText(source.bytes).text);
    const base = safeUrl(feed.home_page_url ?? feed.feed_url, source.baseUrl) ?? source.baseUrl;
    const articles = new Map<string, ArticleInput>();
    for (const entry of feed.items) {
      const article = toArticle(entry, feed, source, base);
      // A feed that lists the same item twice yields it once.
      if (article && !articles.has(article.id as string)) articles.set(article.id as string, article);
    }
    if (articles.size === 0) throw new ImportError("the JSON Feed has no items with a title or text");
    return [...articles.values()];
  },
};
