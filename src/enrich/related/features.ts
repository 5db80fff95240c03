import type { BucketRow, FeatureRow, PostingRow } from "../../store/related.ts";
import type { Repositories } from "../../store/store.ts";
import { lshBuckets, minhash, shingles, textHash } from "../duplicates/minhash.ts";
import { type FeatureInput, termFrequencies, tfWeight } from "./text-features.ts";

/** Features kept per article for scoring, and how many of them go into the inverted index. */
export const VECTOR_SIZE = 50;
export const POSTED_TERMS = 25;

export interface SourceArticle extends FeatureInput {
  id: string;
  sectionSlug: string;
  published: string | null;
}

/** Published articles by id, with their entity tags; ids that are missing or unpublished are left out. */
export function loadSourceArticles(tx: Repositories, ids: string[]): Promise<SourceArticle[]> {
  return tx.related.sources(ids);
}

/** Deletes an article's features, postings and buckets; returns its share of the document frequencies, negated. */
async function dropFeatures(tx: Repositories, ids: string[]): Promise<Map<string, number>> {
  const undo = new Map<string, number>();
  for (const terms of await tx.related.dropFeatures(ids)) for (const t of terms) undo.set(t, (undo.get(t) ?? 0) - 1);
  return undo;
}

/** Removes an article's features, postings and buckets, and its share of the document frequencies. */
export async function removeFeatures(tx: Repositories, ids: string[]): Promise<void> {
  await tx.related.addDfDeltas(await dropFeatures(tx, ids));
}

export function idf(df: number, n: number): number {
  return Math.log((n + 1) / (df + 0.5));
}

/** The L2-normalized TF-IDF vector of an article's strongest features. */
export function weightVector(tf: Map<string, number>, df: Map<string, number>, n: number): Map<string, number> {
  const weighted = [...tf].map(([term, f]) => [term, tfWeight(f) * idf(df.get(term) ?? 1, n)] as const);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = weighted.slice(0, VECTOR_SIZE).filter(([, w]) => w > 0);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return new Map(top.map(([t, w]) => [t, w / norm]));
}

/**
 * Stores features for the given articles (re-indexing any that were indexed before), so the
 * whole step is idempotent. Document frequencies are updated for the whole batch first so
 * articles in one batch see each other's terms (as appended deltas: see df.ts).
 */
export async function indexArticles(
  tx: Repositories,
  articles: SourceArticle[],
): Promise<Map<string, Map<string, number>>> {
  // Re-indexing an unchanged article nets to no delta at all.
  const change = await dropFeatures(
    tx,
    articles.map((a) => a.id),
  );
  const tfs = articles.map((a) => termFrequencies(a));
  const terms = new Set<string>();
  for (const tf of tfs)
    for (const t of tf.keys()) {
      change.set(t, (change.get(t) ?? 0) + 1);
      terms.add(t);
    }
  await tx.related.addDfDeltas(change);
  const n = (await tx.related.featureCount()) + articles.length;
  const df = await tx.related.documentFrequencies(terms);
  const vectors = new Map<string, Map<string, number>>();
  const features: FeatureRow[] = [];
  const postings: PostingRow[] = [];
  const buckets: BucketRow[] = [];
  articles.forEach((a, i) => {
    const vector = weightVector(tfs[i], df, n);
    vectors.set(a.id, vector);
    const shingleSet = shingles(a.body || a.headline);
    const sig = minhash(shingleSet);
    features.push({
      article_id: a.id,
      section_slug: a.sectionSlug,
      published: a.published,
      text_hash: textHash(a.headline, a.body),
      minhash: sig.join(","),
      shingle_count: shingleSet.size,
      terms: JSON.stringify(Object.fromEntries([...vector].map(([t, w]) => [t, Math.round(w * 1e5) / 1e5]))),
      all_terms: JSON.stringify([...tfs[i].keys()]),
    });
    for (const [term, weight] of [...vector].slice(0, POSTED_TERMS)) postings.push({ term, article_id: a.id, weight });
    for (const bucket of new Set(lshBuckets(sig))) buckets.push({ bucket, article_id: a.id });
  });
  await tx.related.insertFeatures(features, postings, buckets);
  return vectors;
}
