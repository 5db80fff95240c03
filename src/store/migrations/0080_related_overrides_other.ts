import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/** Pins are now also read from the other side (a story pinned to A is a candidate for A's list). */
export async function up(db: Kysely<Database>, _engine: Engine): Promise<void> {
  await db.schema.createIndex("related_overrides_other").on("related_overrides").column("other_id").execute();
}
