import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** When a job's current attempt began: shows how long a running job has run, and timing windows. */
export async function up(db: Kysely<Database>): Promise<void> {
  await db.schema.alterTable("jobs").addColumn("started_at", "text").execute();
}
