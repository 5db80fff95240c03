import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { type Block, block } from "../blocks/block.ts";
import { blockText } from "../blocks/text.ts";

/** An entity as enrichment fills it: one canonical name and the other forms the article uses. */
export const entity = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
});

/** A person as enrichment fills it: the role the article joins to the name, when it gives one. */
export const personEntity = entity.extend({
  /** As written before or beside the name: "Trade and Industry Secretary". */
  role: z.string().min(1).optional(),
});

/** Set when enrichment did not run its English models on the article, and why. */
export const enrichmentNote = z.object({
  skipped: z.literal("language"),
  /** The language the article was found to be in (BCP 47). */
  language: z.string().min(2),
});

export const quote = z.object({
  text: z.string().min(1),
  /** Canonical name of the speaker, or null when it could not be resolved. */
  speaker: z.string().nullable(),
  type: z.enum(["direct", "indirect"]),
  /** Index of the block the quote was found in, when known. */
  blockIndex: z.number().int().nonnegative().optional(),
});

export const figure = z.object({
  kind: z.enum(["money", "count", "percent", "date", "year", "quantity"]),
  text: z.string().min(1),
  value: z.number().optional(),
  unit: z.string().optional(),
  /** ISO date for resolved dates. */
  date: z.string().optional(),
});

export const person = z.object({
  name: z.string().min(1),
  role: z.string().optional(),
});

const isoTimestamp = z.iso.datetime({ offset: true });

/** A correction notice appended by an editor; shown on the page and in the feeds. */
export const correction = z.object({
  text: z.string().trim().min(1, "must not be empty").max(2000),
  at: isoTimestamp,
});

/** Lowercase words of any script (letters, their marks, digits) joined by '-'. */
const SLUG_WORD = "[a-z0-9\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{N}]+";
const SLUG = new RegExp(`^${SLUG_WORD}(?:-${SLUG_WORD})*$`, "u");

/**
 * Bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): in a
 * headline a right-to-left override shows readers text other than what was written.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Something a reader can see: a letter, mark, digit, punctuation or symbol. */
const VISIBLE = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u;

/** A one-line text field (headline, section): bidi controls removed, trimmed, and not invisible. */
function visibleText(max: number) {
  return z
    .string()
    .transform((s) => s.replace(BIDI_CONTROLS, "").trim())
    .pipe(
      z
        .string()
        .min(1, "must not be empty")
        .max(max)
        .refine((s) => VISIBLE.test(s), "must contain a visible character"),
    );
}

/**
 * Where an imported story was first published: credited on the page, in feeds and in JSON-LD
 * (isBasedOn), and the page's canonical link points to `url` unless the story is the newsroom's own.
 */
export const articleSource = z.object({
  /** The publisher's name as the page gives it (og:site_name, else its JSON-LD publisher). */
  publisher: z.string().trim().min(1).max(200).optional(),
  /** The original page (its canonical URL). */
  url: z
    .string()
    .max(4096)
    .regex(/^https?:\/\/[^\s/]+/i, "must be an absolute http(s) URL"),
  /** When the original was first published. */
  published: isoTimestamp.optional(),
  /** The newsroom's own page imported (`import --own` or an own domain): no credit, canonical stays here. */
  own: z.boolean().default(false),
});

export const articleStatus = z.enum(["draft", "scheduled", "published", "unpublished", "deleted"]);

export const article = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, '-' or '_'"),
  slug: z.string().regex(SLUG, "must be lowercase words joined by '-'").max(120),
  section: visibleText(100),
  headline: visibleText(400),
  summary: z.string().max(2000).default(""),
  byline: z.array(person).default([]),
  /** BCP 47 language tag. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 tag such as en or pt-BR")
    .default("en"),
  direction: z.enum(["ltr", "rtl"]).default("ltr"),
  firstPublished: isoTimestamp.nullable().default(null),
  /**
   * Where firstPublished came from when the source gave no date: `import` (the time of import) or
   * `given` (import --date). Absent when the source dated the story.
   */
  dateSource: z.enum(["import", "given"]).optional(),
  updated: isoTimestamp.nullable().default(null),
  sourceUrl: z.string().max(4096).nullable().default(null),
  /** Absent for stories written here and for articles stored before sources were kept. */
  source: articleSource.optional(),
  status: articleStatus.default("published"),
  blocks: z.array(block).default([]),
  tags: z.array(z.string().min(1)).default([]),
  // Filled by enrichment (src/enrich); empty until it has run.
  people: z.array(personEntity).default([]),
  organisations: z.array(entity).default([]),
  places: z.array(entity).default([]),
  quotes: z.array(quote).default([]),
  figures: z.array(figure).default([]),
  /** Absent when enrichment ran in full. */
  enrichment: enrichmentNote.optional(),
  corrections: z.array(correction).default([]),
  /** Where the article came from: importer name and, for files, the path; used for duplicate reports. */
  origin: z
    .object({
      format: z.string(),
      path: z.string().optional(),
      contentHash: z.string().optional(),
    })
    .optional(),
});

export type Article = z.infer<typeof article>;
/** What callers may pass in: defaults not yet applied. */
export type ArticleInput = z.input<typeof article>;
export type Entity = z.infer<typeof entity>;
export type PersonEntityRecord = z.infer<typeof personEntity>;
export type Quote = z.infer<typeof quote>;
export type Figure = z.infer<typeof figure>;
export type Correction = z.infer<typeof correction>;
export type ArticleSource = z.infer<typeof articleSource>;

/** The source credit to show, or null when there is none or the story is the newsroom's own. */
export function creditedSource(a: Pick<Article, "source">): ArticleSource | null {
  return a.source && !a.source.own ? a.source : null;
}

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("") || "(root)";
}

/** Validates an article at a boundary; throws ValidationError naming each bad field. */
export function parseArticle(input: unknown, where = "article"): Article {
  const result = article.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  const first = issues[0];
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  throw new ValidationError(`${where}: ${first.path}: ${first.message}${more}`, issues);
}

export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    // Words of other scripts are kept ("политика", "العربية"): dropping them would give every such
    // section or headline the same slug. Latin letters outside a-z are separators, as always.
    .replace(/[^\p{L}\p{M}\p{N}]+|(?![a-z])\p{Script=Latin}/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-[^-]*$/, "") : slug;
  return cut || "article";
}

/** Stable id from a seed (e.g. a source path or URL); random when no seed is given. */
export function makeArticleId(seed?: string): string {
  if (!seed) return randomUUID().replace(/-/g, "").slice(0, 20);
  return createHash("sha256")
    .update(seed)
    .digest("base64url")
    .slice(0, 20)
    .replace(/[^A-Za-z0-9]/g, "x");
}

export function sectionSlug(section: string): string {
  return slugify(section);
}

/** The plain text of the whole body, paragraph per line. */
export function articleText(a: Pick<Article, "blocks">): string {
  return a.blocks
    .map(blockText)
    .filter((t) => t.length > 0)
    .join("\n");
}

/** Word count of the body; used by benchmarks and the site. */
export function wordCount(a: Pick<Article, "blocks">): number {
  let n = 0;
  for (const b of a.blocks) {
    const t = blockText(b);
    const m = t.match(/\S+/g);
    if (m) n += m.length;
  }
  return n;
}

export type { Block };

/**
 * The address of a byline name (/authors/<tag>), or null when the name has no letters a slug can
 * keep (Arabic, Chinese…), where slugify would fall back to a shared "article".
 */
export function authorTag(name: string): string | null {
  const tag = slugify(name, 100);
  return tag === "article" && !/article/i.test(name) ? null : tag;
}

/** The tag slug of an entity: one person, organisation or place is one tag across articles. */
export function entityTag(name: string): string {
  return slugify(name, 100);
}
