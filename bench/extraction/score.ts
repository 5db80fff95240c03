/**
 * The article-extraction-benchmark's scoring rules, re-implemented from its README:
 * `\w+` tokens (Unicode, case kept), 4-token shingles compared as multisets, per-page counts
 * normalised, precision and recall macro-averaged over pages, F1 from the two averages.
 */

// Python's Unicode `\w`: letters, numbers and underscore (combining marks are not word characters).
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  // Like upstream, a text shorter than one shingle still yields its tokens as one (possibly empty) shingle.
  const last = Math.max(1, tokens.length - SHINGLE_SIZE + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + SHINGLE_SIZE).join(" ");
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number;
  recall: number;
  exact: boolean;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [s, n] of p) {
    const m = t.get(s) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [s, n] of t) fn += Math.max(0, n - (p.get(s) ?? 0));
  const exact = tokenize(truth).join(" ") === tokenize(predicted).join(" ");
  // Normalising tp/fp/fn to sum to 1 leaves the ratios unchanged; the empty cases follow upstream.
  const precision = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const recall = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  return { precision, recall, exact };
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
  pages: number;
}

export function summarize(scores: PageScore[]): Summary {
  const n = scores.length;
  const precision = scores.reduce((s, x) => s + x.precision, 0) / n;
  const recall = scores.reduce((s, x) => s + x.recall, 0) / n;
  const accuracy = scores.filter((x) => x.exact).length / n;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, accuracy, pages: n };
}

/** A small deterministic PRNG, so bootstrap intervals repeat from run to run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 95% percentile bootstrap interval of F1 over pages (2,000 resamples, fixed seed). With `baseline`
 * (scores of another extractor on the same pages, same order) it is the interval of the difference,
 * resampling pages jointly so both extractors see the same draw.
 */
export function bootstrapF1(scores: PageScore[], baseline?: PageScore[], resamples = 2000): [number, number] {
  const random = mulberry32(12);
  const n = scores.length;
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const a: PageScore[] = [];
    const b: PageScore[] = [];
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      a.push(scores[k]);
      if (baseline) b.push(baseline[k]);
    }
    values.push(summarize(a).f1 - (baseline ? summarize(b).f1 : 0));
  }
  values.sort((x, y) => x - y);
  return [values[Math.floor(resamples * 0.025)], values[Math.ceil(resamples * 0.975) - 1]];
}
