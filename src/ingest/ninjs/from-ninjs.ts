import type { Block } from "../../blocks/block.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { mediaType } from "../../blocks/media/mime.ts";
import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "../../blocks/media/schema.ts";
import { type ArticleInput, makeArticleId, slugify } from "../../model/article.ts";
import { ImportError } from "../importer.ts";
import { safeText, safeUrl } from "../sanitize.ts";
import { htmlToBlocks, textToBlocks } from "./html-to-blocks.ts";
import { type NinjsAssociation, type NinjsItem, ninjsItem } from "./ninjs-schema.ts";
import { NEWSDESK_URI_PREFIX } from "./to-ninjs.ts";

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"]);
const STATUS = { usable: "published", withheld: "unpublished", canceled: "deleted" } as const;

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(root)";
}

/** Validates one ninjs object; the error names the ninjs field ("field headlines[0].value: …"). */
export function parseNinjs(value: unknown, where?: string): NinjsItem {
  const result = ninjsItem.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const prefix = where ? `${where}: ` : "";
  throw new ImportError(`${prefix}field ${formatPath(issue.path)}: ${issue.message}`);
}

function pick<T extends { role?: string; contenttype?: string }>(
  list: T[] | undefined,
  roles: string[],
): T | undefined {
  if (!list?.length) return undefined;
  for (const role of roles) {
    const hit = list.find((x) => x.role?.toLowerCase() === role);
    if (hit) return hit;
  }
  return undefined;
}

/** "By A and B", "A, Role; B": the byline as people. */
export function parseBy(by: string): { name: string; role?: string }[] {
  // "By", and the same word in the other languages wire services write in.
  const text = by.replace(/^\s*(?:by|von|par|por|door|av|af|di|da)\s+/i, "").trim();
  if (!text) return [];
  const parts = text.includes(";") ? text.split(";") : text.includes(",") ? [text] : text.split(/\s+and\s+/);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const comma = p.indexOf(", ");
      return comma > 0 ? { name: p.slice(0, comma).trim(), role: p.slice(comma + 2).trim() } : { name: p };
    });
}

function associationBlock(a: NinjsAssociation, base?: string): Block | null {
  const caption =
    safeText(
      pick(a.descriptions, ["caption", "summary", "text"])?.value ?? a.descriptions?.[0]?.value ?? a.description_text,
    ) || undefined;
  const renditions = a.renditions ?? [];
  const type = a.type ?? "";
  if (type === "picture" || type === "graphic") {
    const sized = renditions
      .map((r) => ({ src: safeUrl(r.href, base), width: r.width, height: r.height }))
      .filter((r): r is { src: string; width: number | undefined; height: number | undefined } => !!r.src);
    const main = sized.find((r) => r.width) ?? sized[0];
    const src = main?.src ?? safeUrl(a.uri, base);
    if (!src) return null;
    const block: ImageBlock = {
      type: "image",
      src,
      alt: caption ?? "",
      sizes: sized
        .filter((r) => r.width && Number.isInteger(r.width))
        .map((r) => ({ src: r.src, width: r.width as number })),
    };
    if (caption) block.caption = caption;
    if (a.by) block.credit = safeText(a.by);
    if (main?.width && Number.isInteger(main.width)) block.width = main.width;
    if (main?.height && Number.isInteger(main.height)) block.height = main.height;
    return block;
  }
  if (type === "video" || type === "audio") {
    const sources: MediaBlock["sources"] = [];
    for (const r of renditions) {
      const src = safeUrl(r.href, base);
      const mimeType = src && mediaType(src, r.contenttype ?? r.mimetype);
      if (src && mimeType) sources.push({ src, mimeType });
    }
    const duration = renditions.find((r) => typeof r.duration === "number")?.duration;
    return {
      type: "media",
      kind: type,
      caption: caption ?? "",
      sources,
      fallbackText: MEDIA_FALLBACK_TEXT,
      ...(duration !== undefined && duration >= 0 ? { durationSeconds: duration } : {}),
    };
  }
  return null;
}

export interface NinjsContext {
  /** File name for origin. */
  path: string;
  contentHash: string;
  defaultSection?: string;
  baseUrl?: string;
}

/**
 * A ninjs item as an article. The inverse of to-ninjs for items Newsdesk exported (uri
 * urn:newsdesk:article:ID restores the id); for other providers' items the id is derived from the uri.
 */
export function fromNinjs(value: unknown, context: NinjsContext, where?: string): ArticleInput {
  const item = parseNinjs(value, where);
  const prefix = where ? `${where}: ` : "";
  if (item.type && item.type !== "text" && item.type !== "composite") {
    throw new ImportError(`${prefix}field type: a "${item.type}" item is not an article (expected "text")`);
  }
  const headline = safeText(
    pick(item.headlines, ["main", "headline"])?.value ?? item.headlines?.[0]?.value ?? item.headline,
  );
  if (!headline) throw new ImportError(`${prefix}field headlines: missing; an article needs a headline`);

  const web = item.renditions?.find((r) => (r.contenttype ?? r.mimetype) === "text/html" && r.href);
  const sourceUrl = safeUrl(web?.href, context.baseUrl) ?? (/^https?:/.test(item.uri) ? safeUrl(item.uri) : undefined);
  const base = context.baseUrl ?? sourceUrl;

  const htmlBody = item.bodies?.find((b) => /html/.test(b.contenttype ?? "") || /html/.test(b.role ?? ""));
  const textBody = item.bodies?.find((b) => !b.contenttype || b.contenttype === "text/plain");
  const extras = { corrections: [] as { text: string; at: string }[] };
  const blocks: Block[] = htmlBody
    ? htmlToBlocks(htmlBody.value, base, extras)
    : item.body_html !== undefined
      ? htmlToBlocks(item.body_html, base, extras)
      : textToBlocks(textBody?.value ?? item.body_text ?? "");
  // Associations the body does not place (e.g. a provider's lead photo) follow the text.
  const placed = new Set(
    [...(htmlBody?.value ?? item.body_html ?? "").matchAll(/data-assoc-ref="([^"]+)"/g)].map((m) => m[1]),
  );
  for (const a of item.associations ?? []) {
    if (a.name && placed.has(a.name)) continue;
    const block = associationBlock(a, base);
    if (block) blocks.push(block);
  }

  const description = pick(item.descriptions, ["summary", "description", "text", "abstract"]) ?? item.descriptions?.[0];
  const given =
    description?.value ??
    item.description_text ??
    item.description_html ??
    pick(item.headlines, ["sub", "subheadline", "subtitle"])?.value ??
    item.subheadline;
  // With no description at all, the intro paragraph stands in, as for text imports; an empty one is kept.
  const firstParagraph = blocks.find((b) => b.type === "paragraph");
  const summary =
    given !== undefined ? safeText(given) : firstParagraph?.type === "paragraph" ? firstParagraph.text : "";

  const byline = item.by
    ? parseBy(safeText(item.by))
    : (item.bylines ?? [])
        .map((b) => safeText(b.name ?? b.byline))
        .filter(Boolean)
        .map((name) => ({ name }));
  const authors = (item.people ?? []).filter((p) => p.rel === "author" && p.name);
  const entities = (list: { name?: string; rel?: string }[] | undefined, skipAuthors = false) =>
    (list ?? [])
      .filter((e) => e.name && !(skipAuthors && e.rel === "author"))
      .map((e) => ({ name: safeText(e.name), aliases: [] as string[] }))
      .filter((e) => e.name);
  const subjects = [...(item.subjects ?? []), ...(item.subject ?? [])];
  const section = safeText(subjects.find((s) => s.rel === "section")?.name) || context.defaultSection || "News";
  const tags = [
    ...new Set(
      subjects
        .filter((s) => s.rel !== "section")
        .map((s) => safeText(s.name ?? s.literal))
        .filter(Boolean),
    ),
  ];

  const id = item.uri.startsWith(NEWSDESK_URI_PREFIX)
    ? item.uri.slice(NEWSDESK_URI_PREFIX.length)
    : makeArticleId(item.uri);
  const language = item.language ?? "en";
  return {
    id,
    slug: slugify(item.slugline || headline, 120),
    section,
    headline,
    summary: summary.length > 2000 ? `${summary.slice(0, 1999)}…` : summary,
    byline: byline.length ? byline : authors.map((p) => ({ name: safeText(p.name) })),
    language,
    direction: RTL_LANGUAGES.has(language.split("-")[0].toLowerCase()) ? "rtl" : "ltr",
    firstPublished: item.firstcreated ?? null,
    updated: item.versioncreated ?? null,
    sourceUrl: sourceUrl ?? null,
    status: STATUS[item.pubstatus ?? "usable"],
    blocks,
    tags,
    corrections: extras.corrections,
    people: entities(item.people, true),
    organisations: entities(item.organisations),
    places: entities(item.places),
    origin: { format: "ninjs", path: context.path, contentHash: context.contentHash },
  };
}
