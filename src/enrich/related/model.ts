/**
 * The related-story score as a probability: a logistic regression over a few features of a pair,
 * with weights learned on the tune part of the judged pairs (bench/related/fit.ts prints them;
 * test/fixtures/related/GUIDELINES.md says what "related" means). Pure functions.
 */
import { cosine, type ScoredFeatures, timeFactor } from "./score.ts";

export const FEATURE_NAMES = [
  "cosine",
  "names",
  "terms",
  "strongestShared",
  "sharedTop10",
  "sameSection",
  "shortLength",
] as const;

const isName = (t: string) => t.startsWith("n:") || t.startsWith("e:");

/** Shingles (about words) below which an article counts as short; its vector is thinner and scores lower. */
export const SHORT_ARTICLE = 250;

/** Length of an article in the feature's units: shingles of its text (about its word count). */
export function lengthBand(shingles: number): "short" | "long" {
  return shingles < SHORT_ARTICLE ? "short" : "long";
}

/** The feature vector of a pair, in FEATURE_NAMES order. Symmetric in a and b. */
export function pairFeatures(a: ScoredFeatures, b: ScoredFeatures): number[] {
  const [small, large] = a.vector.size <= b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let names = 0;
  let terms = 0;
  let strongest = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v === undefined) continue;
    const p = w * v;
    if (isName(t)) names += p;
    else terms += p;
    if (p > strongest) strongest = p;
  }
  const top = (m: Map<string, number>) => new Set([...m.keys()].slice(0, 10));
  const ta = top(a.vector);
  let shared = 0;
  for (const t of top(b.vector)) if (ta.has(t)) shared++;
  const shortest = Math.min(a.length ?? SHORT_ARTICLE, b.length ?? SHORT_ARTICLE);
  return [
    cosine(a.vector, b.vector),
    names,
    terms,
    strongest,
    shared / 10,
    a.sectionSlug === b.sectionSlug ? 1 : 0,
    // Capped at the shortest articles the weights were learned on (about 90 words): beyond that a
    // linear term would extrapolate, and a three-line brief would never be related to anything.
    Math.min(1, Math.max(0, Math.log(SHORT_ARTICLE / Math.max(shortest, 1)))),
  ];
}

export interface LogisticModel {
  /** Per-feature mean and standard deviation used to standardize before the weights apply. */
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function predict(model: LogisticModel, x: number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i] * ((x[i] - model.mean[i]) / (model.sd[i] || 1));
  return sigmoid(z);
}

/**
 * Fits a logistic regression by full-batch gradient descent on standardized features with a small
 * L2 penalty: a few hundred pairs and seven features need nothing more.
 */
export function fitLogistic(xs: number[][], ys: boolean[], l2 = 0.01, steps = 4000, rate = 0.5): LogisticModel {
  const k = xs[0]?.length ?? 0;
  const mean = Array.from({ length: k }, (_, i) => xs.reduce((s, x) => s + x[i], 0) / xs.length);
  const sd = Array.from({ length: k }, (_, i) =>
    Math.sqrt(xs.reduce((s, x) => s + (x[i] - mean[i]) ** 2, 0) / xs.length),
  );
  const zs = xs.map((x) => x.map((v, i) => (v - mean[i]) / (sd[i] || 1)));
  const weights = new Array<number>(k).fill(0);
  let bias = 0;
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(k).fill(0);
    let gb = 0;
    zs.forEach((z, n) => {
      let s = bias;
      for (let i = 0; i < k; i++) s += weights[i] * z[i];
      const err = sigmoid(s) - (ys[n] ? 1 : 0);
      for (let i = 0; i < k; i++) grad[i] += err * z[i];
      gb += err;
    });
    for (let i = 0; i < k; i++) weights[i] -= rate * (grad[i] / zs.length + l2 * weights[i]);
    bias -= rate * (gb / zs.length);
  }
  return { mean, sd, weights, bias };
}

/**
 * Learned on the tune pairs by `npx tsx bench/related/fit.ts` (seed-split, sealed pairs never
 * used); paste its output here when the features or the judged pairs change.
 */
export const RELATED_MODEL: LogisticModel = {
  mean: [0.2168, 0.0199, 0.197, 0.0576, 0.1966, 0.9132, 0.0875],
  sd: [0.1514, 0.0292, 0.1344, 0.0325, 0.1619, 0.2815, 0.1676],
  weights: [0.6922, 0.7778, 0.6107, 0.5873, 0.0823, 0.2402, -0.2618],
  bias: 0.0699,
};

/**
 * Cut-offs on the probability, calibrated on the tune pairs by bench/related/fit.ts: per cell of
 * section and length band (of the shorter article of the pair) where the cell holds enough pairs,
 * else per section, else per length band, else overall.
 */
export const CUTOFFS: { overall: number; cells: Record<string, number> } = {
  overall: 0.83,
  cells: {
    business: 0.47,
    politics: 0.56,
    "sport/short": 0.59,
    "sport/long": 0.57,
    sport: 0.59,
    "tech/long": 0.91,
    tech: 0.91,
    short: 0.84,
    long: 0.76,
  },
};

/** The cut-off for a link from an article in `sectionSlug` to one whose shorter side has `shingles`. */
export function cutoffFor(sectionSlug: string, shingles: number | undefined): number {
  const band = shingles === undefined ? undefined : lengthBand(shingles);
  return (
    (band ? CUTOFFS.cells[`${sectionSlug}/${band}`] : undefined) ??
    CUTOFFS.cells[sectionSlug] ??
    (band ? CUTOFFS.cells[band] : undefined) ??
    CUTOFFS.overall
  );
}

/** The probability that a reader would want b under "More on this story" for a, times closeness in time. */
export function relatedProbability(a: ScoredFeatures, b: ScoredFeatures): number {
  return predict(RELATED_MODEL, pairFeatures(a, b)) * timeFactor(a.published, b.published);
}
