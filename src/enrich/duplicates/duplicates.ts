import type { Kysely, Transaction } from "kysely";
import type { Article } from "../../model/article.ts";
import type { Database } from "../../store/schema.ts";
import type { Store } from "../../store/store.ts";
import { chunks, insertChunked } from "../related/batch-writes.ts";
import { estimatedJaccard, isNearDuplicate } from "./minhash.ts";

type Db = Kysely<Database> | Transaction<Database>;

function parseSig(text: string): number[] {
  return text.split(",").map(Number);
}

/**
 * Finds exact duplicates (same normalized text) and near-duplicates (MinHash of body shingles
 * at or above NEAR_DUPLICATE_JACCARD, candidates from shared LSH buckets) of the given indexed
 * articles and records each pair in both directions. Re-running for the same ids gives the same rows.
 */
export async function detectDuplicates(db: Db, ids: string[]): Promise<number> {
  let found = 0;
  for (const part of chunks(ids, 200)) {
    await db.deleteFrom("article_duplicates").where("article_id", "in", part).execute();
    await db.deleteFrom("article_duplicates").where("duplicate_id", "in", part).execute();
    const own = await db
      .selectFrom("related_features")
      .select(["article_id", "text_hash", "minhash", "shingle_count"])
      .where("article_id", "in", part)
      .execute();
    const buckets = await db
      .selectFrom("related_lsh as mine")
      .innerJoin("related_lsh as other", "other.bucket", "mine.bucket")
      .select(["mine.article_id as article_id", "other.article_id as other_id"])
      .where("mine.article_id", "in", part)
      .whereRef("other.article_id", "!=", "mine.article_id")
      .execute();
    const hashes = await db
      .selectFrom("related_features as mine")
      .innerJoin("related_features as other", "other.text_hash", "mine.text_hash")
      .select(["mine.article_id as article_id", "other.article_id as other_id"])
      .where("mine.article_id", "in", part)
      .whereRef("other.article_id", "!=", "mine.article_id")
      .execute();
    const candidates = new Map<string, Set<string>>();
    for (const r of [...buckets, ...hashes]) {
      const set = candidates.get(r.article_id) ?? new Set<string>();
      set.add(r.other_id);
      candidates.set(r.article_id, set);
    }
    const otherIds = [...new Set([...candidates.values()].flatMap((s) => [...s]))];
    const others = new Map<string, { hash: string; sig: number[]; size: number }>();
    for (const p of chunks(otherIds)) {
      const rows = await db
        .selectFrom("related_features")
        .select(["article_id", "text_hash", "minhash", "shingle_count"])
        .where("article_id", "in", p)
        .execute();
      for (const r of rows)
        others.set(r.article_id, { hash: r.text_hash, sig: parseSig(r.minhash), size: Number(r.shingle_count) });
    }
    const pairs = new Map<string, Database["article_duplicates"]>();
    for (const a of own) {
      const sig = parseSig(a.minhash);
      for (const otherId of candidates.get(a.article_id) ?? []) {
        const o = others.get(otherId);
        if (!o) continue;
        const exact = o.hash === a.text_hash;
        const similarity = exact ? 1 : estimatedJaccard(sig, o.sig);
        if (!exact && !isNearDuplicate(similarity, Number(a.shingle_count), o.size)) continue;
        const kind = exact ? "exact" : "near";
        pairs.set(`${a.article_id}\t${otherId}`, { article_id: a.article_id, duplicate_id: otherId, kind, similarity });
        pairs.set(`${otherId}\t${a.article_id}`, { article_id: otherId, duplicate_id: a.article_id, kind, similarity });
      }
    }
    found += pairs.size / 2;
    await insertChunked(db, "article_duplicates", [...pairs.values()]);
  }
  return found;
}

/** Ids recorded as duplicates of each given article. */
export async function duplicatesOf(db: Db, ids: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("article_duplicates")
      .select(["article_id", "duplicate_id"])
      .where("article_id", "in", part)
      .execute();
    for (const r of rows) {
      const set = out.get(r.article_id) ?? new Set<string>();
      set.add(r.duplicate_id);
      out.set(r.article_id, set);
    }
  }
  return out;
}

export interface DuplicatePair {
  kind: "exact" | "near";
  similarity: number;
  first: { id: string; headline: string; path?: string };
  second: { id: string; headline: string; path?: string };
}

/** Every recorded pair once (first id sorts before second), exact ones first. */
export async function listDuplicates(
  store: Store,
  options: { kind?: "exact" | "near" } = {},
): Promise<DuplicatePair[]> {
  let q = store.db
    .selectFrom("article_duplicates as d")
    .innerJoin("articles as a", "a.id", "d.article_id")
    .innerJoin("articles as b", "b.id", "d.duplicate_id")
    .select(["d.kind", "d.similarity", "a.id as a_id", "a.doc as a_doc", "b.id as b_id", "b.doc as b_doc"])
    .whereRef("d.article_id", "<", "d.duplicate_id");
  if (options.kind) q = q.where("d.kind", "=", options.kind);
  const rows = await q.orderBy("d.kind").orderBy("a.id").orderBy("b.id").execute();
  const side = (id: string, doc: string) => {
    const a = JSON.parse(doc) as Article;
    return { id, headline: a.headline, path: a.origin?.path };
  };
  return rows.map((r) => ({
    kind: r.kind,
    similarity: Number(r.similarity),
    first: side(r.a_id, r.a_doc),
    second: side(r.b_id, r.b_doc),
  }));
}
