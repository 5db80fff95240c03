import { decodeArticle } from "./articles.ts";
import { chunks, insertChunked } from "./chunked.ts";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";
import type { Engine } from "./store.ts";

export type DuplicateRow = Database["article_duplicates"];

/** What near-duplicate detection compares: an article's text hash and MinHash signature. */
export interface Fingerprint {
  articleId: string;
  textHash: string;
  minhash: string;
  shingleCount: number;
}

export interface DuplicatePair {
  kind: "exact" | "near";
  similarity: number;
  first: { id: string; headline: string; path?: string };
  second: { id: string; headline: string; path?: string };
}

/** Recorded exact and near-duplicate pairs (both directions), and the fingerprints they come from. */
export interface DuplicateRepository {
  /** Deletes the pairs these articles are part of, or every pair when `ids` is absent. */
  remove(ids?: string[]): Promise<void>;
  fingerprints(ids: string[]): Promise<Fingerprint[]>;
  /** Other articles sharing an LSH bucket or the exact text hash with each given article. */
  candidates(ids: string[]): Promise<Map<string, Set<string>>>;
  insert(pairs: DuplicateRow[]): Promise<void>;
  /** Ids recorded as duplicates of each given article. */
  of(ids: string[]): Promise<Map<string, Set<string>>>;
  /** Every recorded pair once (first id sorts before second), exact ones first. */
  list(options?: { kind?: "exact" | "near" }): Promise<DuplicatePair[]>;
}

export function duplicateRepository(db: Db, _engine: Engine): DuplicateRepository {
  return {
    async remove(ids) {
      if (!ids) {
        await db.deleteFrom("article_duplicates").execute();
        return;
      }
      for (const part of chunks(ids, 200)) {
        await db.deleteFrom("article_duplicates").where("article_id", "in", part).execute();
        await db.deleteFrom("article_duplicates").where("duplicate_id", "in", part).execute();
      }
    },
    async fingerprints(ids) {
      const out: Fingerprint[] = [];
      for (const part of chunks(ids)) {
        const rows = await db
          .selectFrom("related_features")
          .select(["article_id", "text_hash", "minhash", "shingle_count"])
          .where("article_id", "in", part)
          .execute();
        for (const r of rows)
          out.push({
            articleId: r.article_id,
            textHash: r.text_hash,
            minhash: r.minhash,
            shingleCount: Number(r.shingle_count),
          });
      }
      return out;
    },
    async candidates(ids) {
      const candidates = new Map<string, Set<string>>();
      for (const part of chunks(ids)) {
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
        for (const r of [...buckets, ...hashes]) {
          const set = candidates.get(r.article_id) ?? new Set<string>();
          set.add(r.other_id);
          candidates.set(r.article_id, set);
        }
      }
      return candidates;
    },
    async insert(pairs) {
      await insertChunked(db, "article_duplicates", pairs);
    },
    async of(ids) {
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
    },
    async list(options = {}) {
      let q = db
        .selectFrom("article_duplicates as d")
        .innerJoin("articles as a", "a.id", "d.article_id")
        .innerJoin("articles as b", "b.id", "d.duplicate_id")
        .select(["d.kind", "d.similarity", "a.id as a_id", "a.doc as a_doc", "b.id as b_id", "b.doc as b_doc"])
        .whereRef("d.article_id", "<", "d.duplicate_id");
      if (options.kind) q = q.where("d.kind", "=", options.kind);
      const rows = await q.orderBy("d.kind").orderBy("a.id").orderBy("b.id").execute();
      const side = (id: string, doc: string) => {
        const a = decodeArticle(doc, `article ${id}`);
        return { id, headline: a.headline, path: a.origin?.path };
      };
      return rows.map((r) => ({
        kind: r.kind,
        similarity: Number(r.similarity),
        first: side(r.a_id, r.a_doc),
        second: side(r.b_id, r.b_doc),
      }));
    },
  };
}
