import { sql } from "kysely";
import { chunks, insertChunked } from "./chunked.ts";
import type { Db } from "./db.ts";
import type { Database } from "./schema.ts";
import { type Engine, StoreError } from "./store.ts";
import { retryWhileBusy } from "./unavailable.ts";

/** A published article as the related-stories index reads it, with its entity tags as `kind:tag`. */
export interface RelatedSource {
  id: string;
  headline: string;
  summary: string;
  body: string;
  sectionSlug: string;
  published: string | null;
  entities: string[];
}

export interface Link {
  article_id: string;
  related_id: string;
  score: number;
}

export interface RelatedCandidate {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
}

export type FeatureRow = Database["related_features"];
export type PostingRow = Database["related_postings"];
export type BucketRow = Database["related_lsh"];

/**
 * The related-stories index: per-article features, the inverted index of their strongest terms,
 * LSH buckets, document frequencies (base counts plus appended deltas), computed links and the
 * editors' pins and exclusions.
 */
export interface RelatedRepository {
  /** Published articles by id, with their entity tags; ids missing or unpublished are left out. */
  sources(ids: string[]): Promise<RelatedSource[]>;
  /** Deletes the features, postings and buckets of these articles; returns the term lists they had. */
  dropFeatures(ids: string[]): Promise<string[][]>;
  insertFeatures(features: FeatureRow[], postings: PostingRow[], buckets: BucketRow[]): Promise<void>;
  featureCount(): Promise<number>;
  /** Stored vectors and what scoring needs beside them. */
  features(
    ids: string[],
  ): Promise<
    { article_id: string; terms: string; section_slug: string; published: string | null; shingle_count: number }[]
  >;
  postings(terms: string[]): Promise<{ term: string; article_id: string; weight: number }[]>;
  /** Records changes in document frequency; insert-only, so concurrent writers never wait here. */
  addDfDeltas(counts: Map<string, number>): Promise<void>;
  /** Current document frequencies: base counts plus every delta this transaction can see. */
  documentFrequencies(terms: Iterable<string>): Promise<Map<string, number>>;
  /** Folds the deltas into the base counts when at least `minRows` have piled up; returns the rows folded. */
  mergeDfDeltas(minRows: number): Promise<number>;
  /** Deletes the computed links from and to these articles. */
  deleteLinks(ids: string[]): Promise<void>;
  /** Deletes every computed link (before a rebuild). */
  clearLinks(): Promise<void>;
  insertLinks(links: Link[]): Promise<void>;
  /** The computed lists of these articles. */
  linksFrom(ids: string[]): Promise<Link[]>;
  /** Links from or to these articles. */
  linksTouching(ids: string[]): Promise<Link[]>;
  /** Writes the net change of some lists: deletes and upserts, each in key order as given. */
  changeLinks(drops: Link[], upserts: Link[]): Promise<void>;
  /** Neighbours of an article at or above a score, with their publication time (for threads). */
  strongNeighbours(id: string, minScore: number): Promise<{ related_id: string; published: string | null }[]>;
  /** The publication time the index holds for an article, or undefined when it is not indexed. */
  indexed(id: string): Promise<{ published: string | null } | undefined>;
  /** An article's computed list, best first. */
  linksOf(articleId: string): Promise<{ related_id: string; score: number }[]>;
  /** Published articles among these ids, as a related list shows them. */
  publishedCandidates(ids: string[]): Promise<RelatedCandidate[]>;
  /** Pins and exclusions of an article, in the order made. */
  overrides(articleId: string): Promise<{ otherId: string; action: "pin" | "exclude" }[]>;
  /** Every override, for change detection. */
  allOverrides(): Promise<{ article_id: string; other_id: string; action: string; created_at: string }[]>;
  setOverride(articleId: string, otherId: string, action: "pin" | "exclude"): Promise<void>;
  /** Pins made in either direction touching these articles, as [article, other] pairs. */
  pinsTouching(ids: string[]): Promise<{ article_id: string; other_id: string }[]>;
  /**
   * Indexed articles of a section that hold `term` among their posted (strongest) terms, strongest
   * first: the candidates of the second tier ("More from <section> on <entity>").
   */
  sectionArticlesWithTerm(
    term: string,
    sectionSlug: string,
    limit: number,
  ): Promise<{ article_id: string; weight: number }[]>;
  /** The display name of an entity tag of an article, when enrichment gave it one. */
  entityName(articleId: string, kind: string, tag: string): Promise<string | undefined>;
  clearOverride(articleId: string, otherId: string): Promise<boolean>;
}

/** Any constant; it names the PostgreSQL advisory lock that lets one process fold at a time. */
const MERGE_LOCK = 72_019_455;

export function relatedRepository(db: Db, engine: Engine): RelatedRepository {
  const requireArticle = async (id: string) => {
    const row = await db.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst();
    if (!row) throw new StoreError(`no article with id ${id}`);
  };
  return {
    async sources(ids) {
      const out: RelatedSource[] = [];
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
    },
    async dropFeatures(ids) {
      const terms: string[][] = [];
      for (const part of chunks(ids)) {
        const old = await db
          .selectFrom("related_features")
          .select("all_terms")
          .where("article_id", "in", part)
          .execute();
        for (const row of old) terms.push(JSON.parse(row.all_terms) as string[]);
        await db.deleteFrom("related_postings").where("article_id", "in", part).execute();
        await db.deleteFrom("related_lsh").where("article_id", "in", part).execute();
        await db.deleteFrom("related_features").where("article_id", "in", part).execute();
      }
      return terms;
    },
    async insertFeatures(features, postings, buckets) {
      await insertChunked(db, "related_features", features, 100);
      await insertChunked(db, "related_postings", postings);
      await insertChunked(db, "related_lsh", buckets);
    },
    async featureCount() {
      const row = await db
        .selectFrom("related_features")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async features(ids) {
      const out: {
        article_id: string;
        terms: string;
        section_slug: string;
        published: string | null;
        shingle_count: number;
      }[] = [];
      for (const part of chunks(ids))
        for (const r of await db
          .selectFrom("related_features")
          .select(["article_id", "terms", "section_slug", "published", "shingle_count"])
          .where("article_id", "in", part)
          .execute())
          out.push({ ...r, shingle_count: Number(r.shingle_count) });
      return out;
    },
    async postings(terms) {
      if (terms.length === 0) return [];
      const rows = await db
        .selectFrom("related_postings")
        .select(["term", "article_id", "weight"])
        .where("term", "in", terms)
        .execute();
      return rows.map((r) => ({ ...r, weight: Number(r.weight) }));
    },
    async addDfDeltas(counts) {
      const rows = [...counts].filter(([, n]) => n !== 0).map(([term, delta]) => ({ term, delta }));
      for (const part of chunks(rows, 400)) await db.insertInto("related_term_df_delta").values(part).execute();
    },
    async documentFrequencies(terms) {
      const df = new Map<string, number>();
      for (const part of chunks([...new Set(terms)])) {
        const rows = await db
          .selectFrom(
            db
              .selectFrom("related_term_df")
              .select(["term", "df as n"])
              .where("term", "in", part)
              .unionAll(db.selectFrom("related_term_df_delta").select(["term", "delta as n"]).where("term", "in", part))
              .as("u"),
          )
          .select(["u.term", (eb) => eb.fn.sum<number>("u.n").as("df")])
          .groupBy("u.term")
          .execute();
        for (const r of rows) df.set(r.term, Number(r.df));
      }
      return df;
    },
    async mergeDfDeltas(minRows) {
      const pending = await db
        .selectFrom(db.selectFrom("related_term_df_delta").select("term").limit(minRows).as("d"))
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      if (Number(pending.n) < minRows) return 0;
      const fold = async (trx: Db) => {
        if (engine === "postgres") {
          // Another worker already folding: skip rather than queue behind it.
          const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${MERGE_LOCK}) AS ok`.execute(trx);
          if (!got.rows[0]?.ok) return 0;
          // Deletes exactly the rows it folds: deltas committed meanwhile stay for the next fold.
          const r = await sql<{ n: number }>`
            WITH moved AS (DELETE FROM related_term_df_delta RETURNING term, delta),
            folded AS (
              INSERT INTO related_term_df (term, df)
              SELECT term, SUM(delta) FROM moved GROUP BY term ORDER BY term
              ON CONFLICT (term) DO UPDATE SET df = related_term_df.df + excluded.df
            )
            SELECT count(*)::int AS n FROM moved`.execute(trx);
          return Number(r.rows[0]?.n ?? 0);
        }
        // SQLite has one writer at a time; writing first takes its lock, so both statements see the same rows.
        await sql`
          INSERT INTO related_term_df (term, df)
          SELECT term, SUM(delta) FROM related_term_df_delta WHERE true GROUP BY term
          ON CONFLICT (term) DO UPDATE SET df = related_term_df.df + excluded.df`.execute(trx);
        const r = await trx.deleteFrom("related_term_df_delta").executeTakeFirst();
        return Number(r.numDeletedRows);
      };
      // Its own short transaction (run after the indexing transaction commits).
      return db.isTransaction ? fold(db) : retryWhileBusy(() => db.transaction().execute(fold));
    },
    async deleteLinks(ids) {
      for (const part of chunks(ids, 100)) {
        await db.deleteFrom("related_links").where("article_id", "in", part).execute();
        await db.deleteFrom("related_links").where("related_id", "in", part).execute();
      }
    },
    async clearLinks() {
      await db.deleteFrom("related_links").execute();
    },
    async insertLinks(links) {
      // An upsert: a worker and a request can index the same article at once (PostgreSQL's
      // READ COMMITTED lets both delete nothing and insert), and the later write should win, not fail.
      for (const part of chunks(links, 200)) {
        await db
          .insertInto("related_links")
          .values(part)
          .onConflict((oc) =>
            oc.columns(["article_id", "related_id"]).doUpdateSet((eb) => ({ score: eb.ref("excluded.score") })),
          )
          .execute();
      }
    },
    async linksFrom(ids) {
      const out: Link[] = [];
      for (const part of chunks(ids)) {
        const rows = await db
          .selectFrom("related_links")
          .select(["article_id", "related_id", "score"])
          .where("article_id", "in", part)
          .execute();
        for (const r of rows) out.push({ ...r, score: Number(r.score) });
      }
      return out;
    },
    async linksTouching(ids) {
      const out: Link[] = [];
      for (const part of chunks(ids)) {
        const rows = await db
          .selectFrom("related_links")
          .select(["article_id", "related_id", "score"])
          .where((eb) => eb.or([eb("article_id", "in", part), eb("related_id", "in", part)]))
          .execute();
        for (const r of rows) out.push({ ...r, score: Number(r.score) });
      }
      return out;
    },
    async changeLinks(drops, upserts) {
      for (const d of drops)
        await db
          .deleteFrom("related_links")
          .where("article_id", "=", d.article_id)
          .where("related_id", "=", d.related_id)
          .execute();
      for (const part of chunks(upserts, 200)) {
        await db
          .insertInto("related_links")
          .values(part)
          .onConflict((oc) =>
            oc.columns(["article_id", "related_id"]).doUpdateSet((eb) => ({ score: eb.ref("excluded.score") })),
          )
          .execute();
      }
    },
    async strongNeighbours(id, minScore) {
      return db
        .selectFrom("related_links as l")
        .innerJoin("related_features as f", "f.article_id", "l.related_id")
        .select(["l.related_id", "f.published"])
        .where("l.article_id", "=", id)
        .where("l.score", ">=", minScore)
        .execute();
    },
    async indexed(id) {
      return db.selectFrom("related_features").select("published").where("article_id", "=", id).executeTakeFirst();
    },
    async linksOf(articleId) {
      const rows = await db
        .selectFrom("related_links")
        .select(["related_id", "score"])
        .where("article_id", "=", articleId)
        .orderBy("score", "desc")
        .orderBy("related_id")
        .execute();
      return rows.map((r) => ({ related_id: r.related_id, score: Number(r.score) }));
    },
    async publishedCandidates(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom("articles")
        .select(["id", "slug", "headline", "section", "section_slug", "first_published"])
        .where("id", "in", ids)
        .where("status", "=", "published")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        headline: r.headline,
        section: r.section,
        sectionSlug: r.section_slug,
        firstPublished: r.first_published,
      }));
    },
    async overrides(articleId) {
      const rows = await db
        .selectFrom("related_overrides")
        .select(["other_id", "action"])
        .where("article_id", "=", articleId)
        .orderBy("created_at")
        .orderBy("other_id")
        .execute();
      return rows.map((r) => ({ otherId: r.other_id, action: r.action }));
    },
    async pinsTouching(ids) {
      const out: { article_id: string; other_id: string }[] = [];
      for (const part of chunks(ids))
        out.push(
          ...(await db
            .selectFrom("related_overrides")
            .select(["article_id", "other_id"])
            .where("action", "=", "pin")
            .where((eb) => eb.or([eb("article_id", "in", part), eb("other_id", "in", part)]))
            .execute()),
        );
      return out;
    },
    async sectionArticlesWithTerm(term, sectionSlug, limit) {
      const rows = await db
        .selectFrom("related_postings as p")
        .innerJoin("related_features as f", "f.article_id", "p.article_id")
        .select(["p.article_id", "p.weight"])
        .where("p.term", "=", term)
        .where("f.section_slug", "=", sectionSlug)
        .orderBy("p.weight", "desc")
        .orderBy("p.article_id")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ article_id: r.article_id, weight: Number(r.weight) }));
    },
    async entityName(articleId, kind, tag) {
      const row = await db
        .selectFrom("article_entities")
        .select("name")
        .where("article_id", "=", articleId)
        .where("kind", "=", kind as "person" | "organisation" | "place")
        .where("tag", "=", tag)
        .executeTakeFirst();
      return row?.name;
    },
    async allOverrides() {
      return db
        .selectFrom("related_overrides")
        .select(["article_id", "other_id", "action", "created_at"])
        .orderBy("article_id")
        .orderBy("other_id")
        .execute();
    },
    async setOverride(articleId, otherId, action) {
      if (articleId === otherId) throw new StoreError(`an article cannot be related to itself (${articleId})`);
      await requireArticle(articleId);
      await requireArticle(otherId);
      await db
        .insertInto("related_overrides")
        .values({ article_id: articleId, other_id: otherId, action, created_at: new Date().toISOString() })
        .onConflict((oc) =>
          oc.columns(["article_id", "other_id"]).doUpdateSet((eb) => ({
            action: eb.ref("excluded.action"),
            created_at: eb.ref("excluded.created_at"),
          })),
        )
        .execute();
    },
    async clearOverride(articleId, otherId) {
      const r = await db
        .deleteFrom("related_overrides")
        .where("article_id", "=", articleId)
        .where("other_id", "=", otherId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
