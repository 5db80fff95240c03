import { sql } from "kysely";
import { type ArticleSummary, listArticles, toArticleSummary } from "../store/articles.ts";
import type { Store } from "../store/store.ts";

/** Read queries the site needs beyond the store's own; all limited to published articles. */

export type EntityKind = "person" | "organisation" | "place";

export interface SectionInfo {
  name: string;
  slug: string;
  count: number;
  latest: string | null;
}

/** Sections with published articles, most recently active first. */
export async function listSections(store: Store): Promise<SectionInfo[]> {
  const rows = await store.db
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
}

export interface SectionFront {
  section: SectionInfo;
  stories: ArticleSummary[];
}

/** The home page: the newest stories of each section. */
export async function topStoriesBySection(store: Store, perSection: number): Promise<SectionFront[]> {
  const sections = await listSections(store);
  return Promise.all(
    sections.map(async (section) => ({
      section,
      stories: await listArticles(store, { section: section.slug, limit: perSection }),
    })),
  );
}

export interface TagPage {
  kind: EntityKind;
  tag: string;
  name: string;
  articles: ArticleSummary[];
}

/** Published articles mentioning one person, organisation or place, newest first. */
export async function articlesForTag(store: Store, kind: EntityKind, tag: string, limit = 50): Promise<TagPage | null> {
  const rows = await store.db
    .selectFrom("article_entities as e")
    .innerJoin("articles as a", "a.id", "e.article_id")
    .select([
      "e.name",
      "a.id",
      "a.slug",
      "a.section",
      "a.section_slug",
      "a.headline",
      "a.summary",
      "a.first_published",
      "a.updated",
      "a.revision",
    ])
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
  return { kind, tag, name: rows[0].name, articles: rows.map(toArticleSummary) };
}

export interface QuoteByPerson {
  text: string;
  type: "direct" | "indirect";
  published: string | null;
  article: { id: string; slug: string; sectionSlug: string; headline: string };
}

/** What one person was quoted saying, newest first. */
export async function quotesBySpeaker(store: Store, speakerTag: string, limit = 20): Promise<QuoteByPerson[]> {
  const rows = await store.db
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
}

export interface ArticleRef {
  id: string;
  slug: string;
  sectionSlug: string;
  status: string;
}

/** Current slug and section of the given ids, so links follow renamed articles. */
export async function articleRefs(store: Store, ids: string[]): Promise<Map<string, ArticleRef>> {
  if (ids.length === 0) return new Map();
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "slug", "section_slug", "status"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, slug: r.slug, sectionSlug: r.section_slug, status: r.status }]));
}
