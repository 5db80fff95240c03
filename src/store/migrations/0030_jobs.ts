import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/** The work queue shared by every worker process (src/jobs). Times are epoch milliseconds. */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  await db.schema
    .createTable("jobs")
    .addColumn("id", engine === "postgres" ? "bigint" : "integer", (c) =>
      engine === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("article_id", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("completions", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("run_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("locked_by", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .execute();
  await db.schema.createIndex("jobs_claim").on("jobs").columns(["state", "run_at"]).execute();
  await db.schema.createIndex("jobs_article").on("jobs").columns(["article_id", "kind"]).execute();
  // At most one waiting job per article and kind: enqueueing again while one waits adds nothing.
  await sql`CREATE UNIQUE INDEX jobs_one_queued ON jobs (kind, article_id) WHERE state = 'queued'`.execute(db);
}
