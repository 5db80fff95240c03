/**
 * How related two articles are: cosine similarity of their TF-IDF vectors of terms, name
 * phrases and entity tags, nudged by section and by closeness in time. Symmetric, so the
 * score stored for A→B also holds for B→A.
 */
export interface ScoredFeatures {
  vector: Map<string, number>;
  sectionSlug: string;
  published: string | null;
  /** Shingles of the article's text (about its word count); absent for features built in memory. */
  length?: number;
}

/** A story in another section is still related (a budget story in business and politics), but less often. */
export const OTHER_SECTION_FACTOR = 0.85;
/** Weight of time: stories far apart keep (1 - TIME_WEIGHT) of their score, close ones all of it. */
export const TIME_WEIGHT = 0.3;
export const TIME_SCALE_DAYS = 60;

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) dot += w * v;
  }
  return dot;
}

export function timeFactor(a: string | null, b: string | null): number {
  if (!a || !b) return 1;
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  if (!Number.isFinite(days)) return 1;
  return 1 - TIME_WEIGHT + TIME_WEIGHT * Math.exp(-days / TIME_SCALE_DAYS);
}

export function relatedScore(a: ScoredFeatures, b: ScoredFeatures): number {
  const section = a.sectionSlug === b.sectionSlug ? 1 : OTHER_SECTION_FACTOR;
  return cosine(a.vector, b.vector) * section * timeFactor(a.published, b.published);
}

export function parseVector(json: string): Map<string, number> {
  return new Map(Object.entries(JSON.parse(json) as Record<string, number>));
}
