import { type Kysely, sql, type Transaction } from "kysely";
import type { Database } from "../../store/schema.ts";
import type { Store } from "../../store/store.ts";
import { chunks } from "./batch-writes.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Delta rows allowed to pile up before they are folded into the base counts: enough that folding
 * is rare, few enough that summing a term's deltas on read stays a short index range.
 */
export const DF_DELTA_MERGE_ROWS = 20_000;

/** Any constant; it names the PostgreSQL advisory lock that lets one process fold at a time. */
const MERGE_LOCK = 72_019_455;

/**
 * Records a change in the document frequency of each term (negative to undo an old version).
 * Insert-only, with no key: concurrent indexing transactions never wait on each other here.
 */
export async function addDfDeltas(db: Db, counts: Map<string, number>): Promise<void> {
  const rows = [...counts].filter(([, n]) => n !== 0).map(([term, delta]) => ({ term, delta }));
  for (const part of chunks(rows, 400)) await db.insertInto("related_term_df_delta").values(part).execute();
}

/** Current document frequencies: base counts plus every delta this transaction can see, in one statement. */
export async function documentFrequencies(db: Db, terms: Iterable<string>): Promise<Map<string, number>> {
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
}

/**
 * Folds the deltas into `related_term_df` when enough have piled up, in its own short transaction
 * (run it after the indexing transaction commits). Readers see either the deltas or the folded
 * counts, never both: each engine moves them in one atomic step. Returns the rows folded.
 */
export async function mergeDfDeltas(store: Store, minRows = DF_DELTA_MERGE_ROWS): Promise<number> {
  const pending = await store.db
    .selectFrom(store.db.selectFrom("related_term_df_delta").select("term").limit(minRows).as("d"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  if (Number(pending.n) < minRows) return 0;
  return store.db.transaction().execute(async (trx) => {
    if (store.engine === "postgres") {
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
  });
}
