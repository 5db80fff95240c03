import { type ArticleSummary, listArticles } from "../store/articles.ts";
import type { ArticleRef, EntityKind, QuoteByPerson, SectionInfo } from "../store/site.ts";
import type { Repositories } from "../store/store.ts";

/** Read queries the site needs beyond the store's own; all limited to published articles (site repository). */

export type { ArticleRef, EntityKind, QuoteByPerson, SectionInfo };

/** Sections with published articles, most recently active first. */
export function listSections(store: Repositories): Promise<SectionInfo[]> {
  return store.site.sections();
}

export interface SectionFront {
  section: SectionInfo;
  stories: ArticleSummary[];
}

/** The home page: the newest stories of each section. */
export async function topStoriesBySection(store: Repositories, perSection: number): Promise<SectionFront[]> {
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
export async function articlesForTag(
  store: Repositories,
  kind: EntityKind,
  tag: string,
  limit = 50,
): Promise<TagPage | null> {
  const found = await store.site.tagged(kind, tag, limit);
  return found ? { kind, tag, ...found } : null;
}

/** What one person was quoted saying, newest first. */
export function quotesBySpeaker(store: Repositories, speakerTag: string, limit = 20): Promise<QuoteByPerson[]> {
  return store.site.quotesBy(speakerTag, limit);
}

/** Current slug and section of the given ids, so links follow renamed articles. */
export function articleRefs(store: Repositories, ids: string[]): Promise<Map<string, ArticleRef>> {
  return store.site.refs(ids);
}
