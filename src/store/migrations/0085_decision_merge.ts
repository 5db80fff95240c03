import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * An editor may merge two entities of an article ("Hewitt" into "Patricia Hewitt"): the decision
 * keeps the name that stays in `value` and the one merged into it here (null for other kinds).
 */
export async function up(db: Kysely<Database>, _engine: Engine): Promise<void> {
  await db.schema.alterTable("editorial_decisions").addColumn("merged", "text").execute();
}
