import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/** API tokens (hashes only), the audit log of editorial writes, and scheduled/embargoed publication. */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", engine === "sqlite" ? "integer" : "serial", (c) =>
      engine === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("revision", "integer")
    .addColumn("address", "text")
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("audit_log_target").on("audit_log").columns(["target", "id"]).execute();

  await db.schema
    .createTable("article_schedule")
    .addColumn("article_id", "text", (c) => c.primaryKey().references("articles.id").onDelete("cascade"))
    .addColumn("publish_at", "text")
    .addColumn("embargo_until", "text")
    .addColumn("requested_by", "text", (c) => c.notNull())
    .execute();
}
