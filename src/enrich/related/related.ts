import type { Repositories } from "../../store/store.ts";

/**
 * The score at and above which the site shows a computed related story; chosen on the judged
 * pairs in test/fixtures/related (bench/related/run.ts reports precision at this cut-off).
 */
export const SITE_MIN_SCORE = 0.3;
export const DEFAULT_RELATED_LIMIT = 5;

export interface RelatedStory {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
  /** The computed score; pinned stories keep theirs, or 0 when they were never computed as related. */
  score: number;
  pinned: boolean;
}

export interface RelatedOptions {
  limit?: number;
  /** Lowest computed score shown; pins are always shown. */
  minScore?: number;
}

/**
 * "More on this story" for an article: editor pins first (in the order pinned), then computed
 * links by score, never an excluded story, a duplicate of the article, two copies of one story,
 * or an unpublished article.
 */
export async function relatedFor(
  store: Repositories,
  articleId: string,
  limitOrOptions: number | RelatedOptions = {},
): Promise<RelatedStory[]> {
  const options = typeof limitOrOptions === "number" ? { limit: limitOrOptions } : limitOrOptions;
  const limit = options.limit ?? DEFAULT_RELATED_LIMIT;
  const minScore = options.minScore ?? SITE_MIN_SCORE;
  const overrides = await store.related.overrides(articleId);
  const pinned = overrides.filter((o) => o.action === "pin").map((o) => o.otherId);
  const excluded = new Set(overrides.filter((o) => o.action === "exclude").map((o) => o.otherId));
  const links = await store.related.linksOf(articleId);
  const scores = new Map(links.map((l) => [l.related_id, l.score]));
  const computed = links.filter((l) => l.score >= minScore).map((l) => l.related_id);
  const ids = [...new Set([...pinned, ...computed])];
  if (ids.length === 0) return [];
  const dups = await store.duplicates.of([articleId, ...ids]);
  const rows = await store.related.publishedCandidates(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownDups = dups.get(articleId) ?? new Set<string>();
  const out: RelatedStory[] = [];
  const shown = new Set<string>();
  for (const id of ids) {
    if (out.length >= limit) break;
    const r = byId.get(id);
    const isPinned = pinned.includes(id);
    if (!r || id === articleId || (!isPinned && (excluded.has(id) || ownDups.has(id)))) continue;
    if (!isPinned && [...(dups.get(id) ?? [])].some((d) => shown.has(d))) continue;
    shown.add(id);
    out.push({
      id,
      slug: r.slug,
      headline: r.headline,
      section: r.section,
      sectionSlug: r.sectionSlug,
      firstPublished: r.firstPublished,
      score: scores.get(id) ?? 0,
      pinned: isPinned,
    });
  }
  return out;
}

/** An editor's pin: `otherId` is shown as related to `articleId`, before computed stories. */
export async function pinRelated(store: Repositories, articleId: string, otherId: string): Promise<void> {
  await store.related.setOverride(articleId, otherId, "pin");
}

/** An editor's exclusion: `otherId` is never shown as related to `articleId`, whatever its score. */
export async function excludeRelated(store: Repositories, articleId: string, otherId: string): Promise<void> {
  await store.related.setOverride(articleId, otherId, "exclude");
}

/** Removes a pin or exclusion, returning the pair to the computed ranking. */
export async function clearRelatedOverride(store: Repositories, articleId: string, otherId: string): Promise<boolean> {
  return store.related.clearOverride(articleId, otherId);
}

export async function listRelatedOverrides(
  store: Repositories,
  articleId: string,
): Promise<{ otherId: string; action: "pin" | "exclude" }[]> {
  return store.related.overrides(articleId);
}
