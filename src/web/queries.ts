import { configSectionSlug, type SiteConfig } from "../config/site-config.ts";
import { type ArticleSummary, listArticles } from "../store/articles.ts";
import type { ArticleRef, EntityKind, QuoteByPerson, SectionInfo } from "../store/site.ts";
import type { Repositories } from "../store/store.ts";

/** Read queries the site needs beyond the store's own; all limited to published articles (site repository). */

export type { ArticleRef, EntityKind, QuoteByPerson, SectionInfo };

/**
 * Sections with published articles in a fixed order: those the config lists, in its order and
 * with its display names, then any others alphabetically. Never by recent activity, so the
 * navigation does not move when a story is published.
 */
export async function listSections(store: Repositories, config?: Pick<SiteConfig, "sections">): Promise<SectionInfo[]> {
  const found = await store.site.sections();
  const bySlug = new Map(found.map((s) => [s.slug, s]));
  const ordered: SectionInfo[] = [];
  for (const c of config?.sections ?? []) {
    const s = bySlug.get(configSectionSlug(c));
    if (!s) continue;
    ordered.push({ ...s, name: c.name });
    bySlug.delete(s.slug);
  }
  const rest = [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
  return [...ordered, ...rest];
}

export interface SectionFront {
  section: SectionInfo;
  stories: ArticleSummary[];
}

/** The home page: the newest stories of each section. */
export async function topStoriesBySection(
  store: Repositories,
  perSection: number,
  config?: Pick<SiteConfig, "sections">,
): Promise<SectionFront[]> {
  const sections = await listSections(store, config);
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
  total: number;
}

/** Published articles mentioning one person, organisation or place, newest first. */
export async function articlesForTag(
  store: Repositories,
  kind: EntityKind,
  tag: string,
  limit = 50,
  offset = 0,
): Promise<TagPage | null> {
  const found = await store.site.tagged(kind, tag, limit, offset);
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
