import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.ts";
import { lshBuckets, minhash, shingles, textHash } from "../duplicates/minhash.ts";
import { chunks, insertChunked } from "./batch-writes.ts";
import { addDfDeltas, documentFrequencies } from "./df.ts";
import { type FeatureInput, termFrequencies, tfWeight } from "./text-features.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Features kept per article for scoring, and how many of them go into the inverted index. */
export const VECTOR_SIZE = 50;
export const POSTED_TERMS = 25;

export interface SourceArticle extends FeatureInput {
  id: string;
  sectionSlug: string;
  published: string | null;
}

/** Published articles by id, with their entity tags; ids that are missing or unpublished are left out. */
export async function loadSourceArticles(db: Db, ids: string[]): Promise<SourceArticle[]> {
  const out: SourceArticle[] = [];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "headline", "summary", "body_text", "section_slug", "first_published"])
      .where("id", "in", part)
      .where("status", "=", "published")
      .execute();
    const entities = await db
      .selectFrom("article_entities")
      .select(["article_id", "kind", "tag"])
      .where("article_id", "in", part)
      .execute();
    const byArticle = new Map<string, string[]>();
    for (const e of entities) {
      const list = byArticle.get(e.article_id) ?? [];
      list.push(`${e.kind}:${e.tag}`);
      byArticle.set(e.article_id, list);
    }
    for (const r of rows) {
      out.push({
        id: r.id,
        headline: r.headline,
        summary: r.summary,
        body: r.body_text,
        sectionSlug: r.section_slug,
        published: r.first_published,
        entities: byArticle.get(r.id) ?? [],
      });
    }
  }
  return out;
}

/** Deletes an article's features, postings and buckets; returns its share of the document frequencies, negated. */
async function dropFeatures(db: Db, ids: string[]): Promise<Map<string, number>> {
  const undo = new Map<string, number>();
  for (const part of chunks(ids)) {
    const old = await db.selectFrom("related_features").select("all_terms").where("article_id", "in", part).execute();
    for (const row of old) for (const t of JSON.parse(row.all_terms) as string[]) undo.set(t, (undo.get(t) ?? 0) - 1);
    await db.deleteFrom("related_postings").where("article_id", "in", part).execute();
    await db.deleteFrom("related_lsh").where("article_id", "in", part).execute();
    await db.deleteFrom("related_features").where("article_id", "in", part).execute();
  }
  return undo;
}

/** Removes an article's features, postings and buckets, and its share of the document frequencies. */
export async function removeFeatures(db: Db, ids: string[]): Promise<void> {
  await addDfDeltas(db, await dropFeatures(db, ids));
}

export async function archiveSize(db: Db): Promise<number> {
  const row = await db
    .selectFrom("related_features")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
export async function indexArticles(db: Db, articles: SourceArticle[]): Promise<Map<string, Map<string, number>>> {
  // Re-indexing an unchanged article nets to no delta at all.
  const change = await dropFeatures(
    db,
    articles.map((a) => a.id),
  );
  const tfs = articles.map((a) => termFrequencies(a));
  const terms = new Set<string>();
  for (const tf of tfs)
    for (const t of tf.keys()) {
      change.set(t, (change.get(t) ?? 0) + 1);
      terms.add(t);
    }
  await addDfDeltas(db, change);
  const n = (await archiveSize(db)) + articles.length;
  const df = await documentFrequencies(db, terms);
  const vectors = new Map<string, Map<string, number>>();
  const features: Database["related_features"][] = [];
  const postings: Database["related_postings"][] = [];
  const buckets: Database["related_lsh"][] = [];
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
  await insertChunked(db, "related_features", features, 100);
  await insertChunked(db, "related_postings", postings);
  await insertChunked(db, "related_lsh", buckets);
  return vectors;
}
