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
