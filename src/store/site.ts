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
  tagged(kind: EntityKind, tag: string, limit: number): Promise<{ name: string; articles: ArticleSummary[] } | null>;
  /** What one person was quoted saying, newest first. */
  quotesBy(speakerTag: string, limit: number): Promise<QuoteByPerson[]>;
  /** Current slug, section and status of the given ids (any status). */
  refs(ids: string[]): Promise<Map<string, ArticleRef>>;
  /** The newest dated published articles, decoded, of one section or all. */
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
    async tagged(kind, tag, limit) {
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
        .execute();
      if (rows.length === 0) return null;
      return { name: rows[0].name, articles: rows.map(toArticleSummary) };
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
      let q = db
        .selectFrom("articles")
        .select(["id", "doc", "modified_at"])
        .where("status", "=", "published")
        .where("first_published", "is not", null);
      if (sectionSlug) q = q.where("section_slug", "=", sectionSlug);
      const rows = await q.orderBy("first_published", "desc").orderBy("id").limit(limit).execute();
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
