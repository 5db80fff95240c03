import { words } from "../../src/enrich/related/text-features.ts";

/**
 * The baseline: plain TF-IDF cosine similarity over the body text (every word, sublinear tf,
 * full vectors), compared against every other article. No names, sections, time or index.
 */
export class TfidfBaseline {
  private readonly vectors = new Map<string, Map<string, number>>();

  constructor(docs: { id: string; body: string }[]) {
    const tfs = docs.map((d) => {
      const tf = new Map<string, number>();
      for (const w of words(d.body)) tf.set(w, (tf.get(w) ?? 0) + 1);
      return tf;
    });
    const df = new Map<string, number>();
    for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const n = docs.length;
    docs.forEach((d, i) => {
      const v = new Map<string, number>();
      let norm = 0;
      for (const [t, f] of tfs[i]) {
        const w = (1 + Math.log(f)) * Math.log(n / (df.get(t) ?? 1));
        v.set(t, w);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [t, w] of v) v.set(t, w / norm);
      this.vectors.set(d.id, v);
    });
  }

  similarity(a: string, b: string): number {
    const va = this.vectors.get(a);
    const vb = this.vectors.get(b);
    if (!va || !vb) return 0;
    let dot = 0;
    for (const [t, w] of va) dot += w * (vb.get(t) ?? 0);
    return dot;
  }

  /** The k most similar other articles, skipping `exclude` (e.g. duplicates). */
  top(id: string, k: number, exclude: Set<string> = new Set()): { id: string; score: number }[] {
    const out: { id: string; score: number }[] = [];
    for (const other of this.vectors.keys()) {
      if (other === id || exclude.has(other)) continue;
      out.push({ id: other, score: this.similarity(id, other) });
    }
    return out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, k);
  }
}
