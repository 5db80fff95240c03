import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * Document-frequency changes are appended here instead of updating `related_term_df` in the
 * indexing transaction: concurrent workers then never wait on each other's counter rows. Reads
 * add the deltas to the base counts; a short separate transaction folds them in now and then.
 * No key on purpose: rows are only ever inserted, summed and deleted.
 */
export async function up(db: Kysely<Database>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("related_term_df_delta")
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("delta", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("related_term_df_delta_term").on("related_term_df_delta").column("term").execute();
}
