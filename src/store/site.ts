import { sql } from "kysely";
import type { Article } from "../model/article.ts";
import { type ArticleSummary, decodeArticle, SUMMARY_COLUMNS, toArticleSummary } from "./articles.ts";
import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

export type EntityKind = "person" | "organisation" | "place";

export interface SectionInfo {
  name: string;
  slug: string;
  count: number;
  latest: string | null;
}

export interface QuoteByPerson {
  text: string;
  type: "direct" | "indirect";
  published: string | null;
  article: { id: string; slug: string; sectionSlug: string; headline: string };
}

export interface ArticleRef {
  id: string;
  slug: string;
  sectionSlug: string;
  status: string;
}

export interface SitemapRow {
  slug: string;
  section: string;
  section_slug: string;
  modified_at: string;
  updated: string | null;
  first_published: string | null;
}

export interface NewsSitemapRow {
  slug: string;
  section: string;
  headline: string;
  language: string;
  first_published: string | null;
}

/** The listings the public site reads: sections, tag pages, quotes, feeds, sitemaps. Published articles only. */
export interface SiteReadRepository {
  /** Sections with published articles, most recently active first. */
  sections(): Promise<SectionInfo[]>;
  /** Published articles mentioning one person, organisation or place, newest first (undated last). */
  tagged(
    kind: EntityKind,
    tag: string,
    limit: number,
    offset?: number,
  ): Promise<{ name: string; articles: ArticleSummary[]; total: number } | null>;
  /** Published articles with this name (its tag) in the byline, newest first. */
  authored(
    tag: string,
    limit: number,
    offset: number,
  ): Promise<{ name: string; articles: ArticleSummary[]; total: number } | null>;
  /** Published articles of one section (slug), newest first (undated last), with the section's total. */
  inSection(slug: string, limit: number, offset: number): Promise<{ articles: ArticleSummary[]; total: number }>;
  /** Published articles first published in [from, to), oldest first, with the total. */
  between(
    from: string,
    to: string,
    limit: number,
    offset: number,
  ): Promise<{ articles: ArticleSummary[]; total: number }>;
  /** Published articles by id, in no particular order (curated fronts). */
  summaries(ids: string[]): Promise<ArticleSummary[]>;
  /** A site setting (JSON) by key, or null. */
  setting(key: string): Promise<unknown>;
  putSetting(key: string, value: unknown, by: string | null, at: string): Promise<void>;
  deleteSetting(key: string): Promise<boolean>;
  /** Changes whenever any setting is written or removed: newest updated_at and count. */
  settingsStamp(): Promise<string>;
  /** What one person was quoted saying, newest first. */
  quotesBy(speakerTag: string, limit: number): Promise<QuoteByPerson[]>;
  /** Current slug, section and status of the given ids (any status). */
  refs(ids: string[]): Promise<Map<string, ArticleRef>>;
  /** The newest published articles, decoded, of one section or all (undated last). */
  feedArticles(sectionSlug: string | undefined, limit: number): Promise<{ article: Article; modifiedAt: string }[]>;
  sitemapRows(limit: number): Promise<SitemapRow[]>;
  /** Published at or after `since`, newest first. */
  newsSitemapRows(since: string, limit: number): Promise<NewsSitemapRow[]>;
}

export function siteReadRepository(db: Db, _engine: Engine): SiteReadRepository {
  return {
    async sections() {
      const rows = await db
        .selectFrom("articles")
        .select((eb) => [
          eb.fn.min("section").as("name"),
          "section_slug",
          eb.fn.countAll<number>().as("n"),
          eb.fn.max("first_published").as("latest"),
        ])
        .where("status", "=", "published")
        .groupBy("section_slug")
        .execute();
      return rows
        .map((r) => ({
          name: String(r.name),
          slug: r.section_slug,
          count: Number(r.n),
          latest: (r.latest as string | null) ?? null,
        }))
        .sort((a, b) => (b.latest ?? "").localeCompare(a.latest ?? "") || a.name.localeCompare(b.name));
    },
    async tagged(kind, tag, limit, offset = 0) {
      const total = await db
        .selectFrom("article_entities as e")
        .innerJoin("articles as a", "a.id", "e.article_id")
        .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.min("e.name").as("name")])
        .where("e.kind", "=", kind)
        .where("e.tag", "=", tag)
        .where("a.status", "=", "published")
        .executeTakeFirstOrThrow();
      if (Number(total.n) === 0) return null;
      const rows = await db
        .selectFrom("article_entities as e")
        .innerJoin("articles as a", "a.id", "e.article_id")
        .select(["e.name", ...SUMMARY_COLUMNS.map((c) => `a.${c}` as const)])
        .where("e.kind", "=", kind)
        .where("e.tag", "=", tag)
        .where("a.status", "=", "published")
        // Undated stories last on both engines (PostgreSQL sorts NULL first when descending).
        .orderBy(sql`a.first_published is null`)
        .orderBy("a.first_published", "desc")
        .orderBy("a.id")
        .limit(limit)
        .offset(offset)
        .execute();
      return { name: String(total.name), articles: rows.map(toArticleSummary), total: Number(total.n) };
    },
    async authored(tag, limit, offset) {
      const total = await db
        .selectFrom("article_authors as w")
        .innerJoin("articles as a", "a.id", "w.article_id")
        .select((eb) => [eb.fn.count<number>("a.id").distinct().as("n"), eb.fn.min("w.name").as("name")])
        .where("w.tag", "=", tag)
        .where("a.status", "=", "published")
        .executeTakeFirstOrThrow();
      if (Number(total.n) === 0) return null;
      const rows = await db
        .selectFrom("articles as a")
        .select(SUMMARY_COLUMNS.map((c) => `a.${c}` as const))
        .where("a.status", "=", "published")
        .where("a.id", "in", db.selectFrom("article_authors").select("article_id").where("tag", "=", tag))
        .orderBy(sql`a.first_published is null`)
        .orderBy("a.first_published", "desc")
        .orderBy("a.id")
        .limit(limit)
        .offset(offset)
        .execute();
      return { name: String(total.name), articles: rows.map(toArticleSummary), total: Number(total.n) };
    },
    async inSection(slug, limit, offset) {
      const total = await db
        .selectFrom("articles")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("status", "=", "published")
        .where("section_slug", "=", slug)
        .executeTakeFirstOrThrow();
      const rows = await db
        .selectFrom("articles")
        .select(SUMMARY_COLUMNS)
        .where("status", "=", "published")
        .where("section_slug", "=", slug)
        .orderBy(sql`first_published is null`)
        .orderBy("first_published", "desc")
        .orderBy("id")
        .limit(limit)
        .offset(offset)
        .execute();
      return { articles: rows.map(toArticleSummary), total: Number(total.n) };
    },
    async between(from, to, limit, offset) {
      const base = () =>
        db
          .selectFrom("articles")
          .where("status", "=", "published")
          .where("first_published", ">=", from)
          .where("first_published", "<", to);
      const total = await base()
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      const rows = await base()
        .select(SUMMARY_COLUMNS)
        .orderBy("first_published")
        .orderBy("id")
        .limit(limit)
        .offset(offset)
        .execute();
      return { articles: rows.map(toArticleSummary), total: Number(total.n) };
    },
    async summaries(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("articles")
        .select(SUMMARY_COLUMNS)
        .where("status", "=", "published")
        .where("id", "in", ids)
        .execute();
      return rows.map(toArticleSummary);
    },
    async setting(key) {
      const row = await db.selectFrom("site_settings").select("value").where("key", "=", key).executeTakeFirst();
      return row ? (JSON.parse(row.value) as unknown) : null;
    },
    async putSetting(key, value, by, at) {
      await db
        .insertInto("site_settings")
        .values({ key, value: JSON.stringify(value), updated_at: at, updated_by: by })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({ value: JSON.stringify(value), updated_at: at, updated_by: by }),
        )
        .execute();
    },
    async deleteSetting(key) {
      const result = await db.deleteFrom("site_settings").where("key", "=", key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async settingsStamp() {
      const row = await db
        .selectFrom("site_settings")
        .select((eb) => [eb.fn.max("updated_at").as("latest"), eb.fn.countAll<number>().as("n")])
        .executeTakeFirstOrThrow();
      return `${row.latest ?? ""}|${Number(row.n)}`;
    },
    async quotesBy(speakerTag, limit) {
      const rows = await db
        .selectFrom("article_quotes as q")
        .innerJoin("articles as a", "a.id", "q.article_id")
        .select(["q.text", "q.type", "q.published", "a.id", "a.slug", "a.section_slug", "a.headline"])
        .where("q.speaker_tag", "=", speakerTag)
        .where("a.status", "=", "published")
        .orderBy(sql`q.published is null`)
        .orderBy("q.published", "desc")
        .orderBy("q.article_id")
        .orderBy("q.ordinal")
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        text: r.text,
        type: r.type,
        published: r.published,
        article: { id: r.id, slug: r.slug, sectionSlug: r.section_slug, headline: r.headline },
      }));
    },
    async refs(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom("articles")
        .select(["id", "slug", "section_slug", "status"])
        .where("id", "in", ids)
        .execute();
      return new Map(
        rows.map((r) => [r.id, { id: r.id, slug: r.slug, sectionSlug: r.section_slug, status: r.status }]),
      );
    },
    async feedArticles(sectionSlug, limit) {
      let q = db.selectFrom("articles").select(["id", "doc", "modified_at"]).where("status", "=", "published");
      if (sectionSlug) q = q.where("section_slug", "=", sectionSlug);
      // Every published story belongs in the feeds; one with no date (stored before imports
      // dated them) comes last and takes its stored time as its date.
      const rows = await q
        .orderBy(sql`first_published is null`)
        .orderBy("first_published", "desc")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ article: decodeArticle(r.doc, `article ${r.id}`), modifiedAt: r.modified_at }));
    },
    async sitemapRows(limit) {
      return db
        .selectFrom("articles")
        .select(["slug", "section", "section_slug", "modified_at", "updated", "first_published"])
        .where("status", "=", "published")
        .orderBy("first_published", "desc")
        .limit(limit)
        .execute();
    },
    async newsSitemapRows(since, limit) {
      return db
        .selectFrom("articles")
        .select(["slug", "section", "headline", "language", "first_published"])
        .where("status", "=", "published")
        .where("first_published", ">=", since)
        .orderBy("first_published", "desc")
        .limit(limit)
        .execute();
    },
  };
}
