import type { Repositories } from "../../store/store.ts";

import { loadFeatures } from "./compute.ts";
import { cutoffFor, relatedProbability } from "./model.ts";
import { properNoun, surfaceName } from "./text-features.ts";

export const DEFAULT_RELATED_LIMIT = 5;
/** Fewer first-tier stories than this and the second tier ("More from <section> on <entity>") is added. */
export const FIRST_TIER_ENOUGH = 3;
/** Second-tier candidates read from the index before scoring (strongest holders of the entity first). */
const SECOND_TIER_CANDIDATES = 40;
/** Names of the article tried in turn for the second tier. */
const SECOND_TIER_NAMES = 16;
/** A second-tier story must still be this likely to be judged related: the name alone is not enough. */
const SECOND_TIER_MIN = 0.02;
/** The name's weight in a second-tier story's own vector: at least this, so the story is about it. */
const SECOND_TIER_MIN_WEIGHT = 0.08;

export interface RelatedStory {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
  /** The computed probability; pinned stories keep theirs, or 0 when they were never computed as related. */
  score: number;
  pinned: boolean;
}

export interface RelatedOptions {
  limit?: number;
  /**
   * Lowest computed score shown, for every link alike; pins are always shown. Without it each link
   * meets the cut-off calibrated for its section and length (model.ts, `cutoffFor`).
   */
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
  const overrides = await store.related.overrides(articleId);
  const pinned = overrides.filter((o) => o.action === "pin").map((o) => o.otherId);
  const excluded = new Set(overrides.filter((o) => o.action === "exclude").map((o) => o.otherId));
  const links = await store.related.linksOf(articleId);
  const scores = new Map(links.map((l) => [l.related_id, l.score]));
  let passes: (l: { related_id: string; score: number }) => boolean;
  if (options.minScore !== undefined) {
    const min = options.minScore;
    passes = (l) => l.score >= min;
  } else {
    const features = await loadFeatures(store, [articleId, ...links.map((l) => l.related_id)]);
    const own = features.get(articleId);
    passes = (l) => {
      const other = features.get(l.related_id);
      if (!own || !other) return false;
      const shortest = Math.min(own.length ?? Number.POSITIVE_INFINITY, other.length ?? Number.POSITIVE_INFINITY);
      return l.score >= cutoffFor(own.sectionSlug, Number.isFinite(shortest) ? shortest : undefined);
    };
  }
  const computed = links.filter(passes).map((l) => l.related_id);
  return publishedList(store, articleId, [...new Set([...pinned, ...computed])], {
    limit,
    pinned,
    excluded,
    scores,
  });
}

/** The ids as a related list: published, in order, without duplicates of the article or of each other. */
async function publishedList(
  store: Repositories,
  articleId: string,
  ids: string[],
  o: { limit: number; pinned: string[]; excluded: Set<string>; scores: Map<string, number>; hidden?: Set<string> },
): Promise<RelatedStory[]> {
  if (ids.length === 0) return [];
  const dups = await store.duplicates.of([articleId, ...ids, ...(o.hidden ?? [])]);
  const rows = await store.related.publishedCandidates(ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownDups = dups.get(articleId) ?? new Set<string>();
  const out: RelatedStory[] = [];
  // Stories already shown elsewhere on the page (the first tier) count as shown for the second.
  const shown = new Set<string>(o.hidden ?? []);
  for (const id of ids) {
    if (out.length >= o.limit) break;
    const r = byId.get(id);
    const isPinned = o.pinned.includes(id);
    if (!r || id === articleId || shown.has(id) || (!isPinned && (o.excluded.has(id) || ownDups.has(id)))) continue;
    if (!isPinned && [...(dups.get(id) ?? [])].some((d) => shown.has(d))) continue;
    shown.add(id);
    out.push({
      id,
      slug: r.slug,
      headline: r.headline,
      section: r.section,
      sectionSlug: r.sectionSlug,
      firstPublished: r.firstPublished,
      score: o.scores.get(id) ?? 0,
      pinned: isPinned,
    });
  }
  return out;
}

/** The second tier: other stories of the article's section about its main entity. */
export interface SecondTier {
  /** "More from Politics on Charles Kennedy". */
  title: string;
  section: string;
  entity: string;
  stories: RelatedStory[];
}

/**
 * "More from <section> on <main entity>": the article's strongest name (an entity tag from
 * enrichment, else a capitalised name phrase) and the stories of its section that hold that name
 * among their own strongest terms, best scored first. Never a story of `shown`, a duplicate, an
 * excluded story or the article itself. Null when the article has no name to go on or nothing qualifies.
 */
export async function secondTierFor(
  store: Repositories,
  articleId: string,
  shown: RelatedStory[],
  limit = DEFAULT_RELATED_LIMIT,
): Promise<SecondTier | null> {
  const own = (await loadFeatures(store, [articleId])).get(articleId);
  const [source] = await store.related.sources([articleId]);
  if (!own || !source || limit <= 0) return null;
  const text = `${source.headline}\n${source.summary}\n${source.body}`;
  // Names in the order of their weight in the article: entity tags, name phrases, and single words
  // the text always capitalises (Yukos, Chelsea), which the name-phrase rule cannot see.
  const names: { term: string; label: () => Promise<string | undefined> }[] = [];
  for (const term of own.vector.keys()) {
    if (names.length >= SECOND_TIER_NAMES) break;
    if (term.startsWith("e:")) {
      const [kind, ...tag] = term.slice(2).split(":");
      names.push({ term, label: () => store.related.entityName(articleId, kind, tag.join(":")) });
    } else if (term.startsWith("n:")) {
      names.push({ term, label: async () => surfaceName(text, term.slice(2)) });
    } else {
      const proper = properNoun(text, term);
      if (proper) names.push({ term, label: async () => proper });
    }
  }
  const overrides = await store.related.overrides(articleId);
  const excluded = new Set(overrides.filter((o) => o.action === "exclude").map((o) => o.otherId));
  // The first name that fills the page to FIRST_TIER_ENOUGH wins; else the one giving the most.
  const wanted = Math.min(limit, Math.max(2, FIRST_TIER_ENOUGH - shown.length));
  type Found = { term: string; label: () => Promise<string | undefined>; stories: RelatedStory[] };
  const found: Found[] = [];
  for (const { term, label } of names) {
    const candidates = (await store.related.sectionArticlesWithTerm(term, own.sectionSlug, SECOND_TIER_CANDIDATES + 1))
      .filter((c) => c.weight >= SECOND_TIER_MIN_WEIGHT)
      .map((c) => c.article_id)
      .filter((id) => id !== articleId);
    if (candidates.length === 0) continue;
    const features = await loadFeatures(store, candidates);
    const scores = new Map<string, number>();
    for (const id of candidates) {
      const f = features.get(id);
      const p = f ? relatedProbability(own, f) : 0;
      if (p >= SECOND_TIER_MIN) scores.set(id, p);
    }
    const ordered = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    const stories = await publishedList(store, articleId, ordered, {
      limit,
      pinned: [],
      excluded,
      scores,
      hidden: new Set(shown.map((s) => s.id)),
    });
    if (stories.length > 0) found.push({ term, label, stories });
    if (stories.length >= wanted) break;
  }
  found.sort((a, b) => b.stories.length - a.stories.length);
  const [best, next] = found;
  if (!best) return null;
  const labelOf = async (f: Found) =>
    (await f.label()) ?? f.term.replace(/^[ne]:/, "").replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  let stories = best.stories;
  let entity = await labelOf(best);
  // No one name fills the page: the two strongest together do ("on Chelsea and Arsenal").
  if (stories.length < wanted && next) {
    const more = next.stories.filter((s) => !stories.some((t) => t.id === s.id));
    if (more.length > 0) {
      stories = [...stories, ...more].slice(0, limit);
      entity = `${entity} and ${await labelOf(next)}`;
    }
  }
  // One story alone is a thin tier, worth a heading only when it completes the page's three.
  const least = shown.length + 1 >= FIRST_TIER_ENOUGH ? 1 : 2;
  if (stories.length < Math.min(least, limit)) return null;
  const section = stories[0].section;
  return { title: `More from ${section} on ${entity}`, section, entity, stories };
}

/** Both tiers for an article page: the second only when the first has fewer than FIRST_TIER_ENOUGH. */
export async function relatedTiers(
  store: Repositories,
  articleId: string,
  limit = DEFAULT_RELATED_LIMIT,
): Promise<{ first: RelatedStory[]; second: SecondTier | null }> {
  const first = await relatedFor(store, articleId, { limit });
  if (first.length >= FIRST_TIER_ENOUGH) return { first, second: null };
  return { first, second: await secondTierFor(store, articleId, first, limit - first.length) };
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
