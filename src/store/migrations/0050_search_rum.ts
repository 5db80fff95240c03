import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/** Set to 1 to build and use no RUM index (the GIN fallback), as on a server without the extension. */
export const NO_RUM_ENV = "NEWSDESK_SEARCH_NO_RUM";

/**
 * Ranked search on PostgreSQL: a RUM index keeps word positions in the index, so `search <=> query`
 * hands back matches already in rank order and a page reads 20 rows, not every match's tsvector.
 * RUM is an extension (Debian's postgresql-15-rum); where it is missing or may not be created, the
 * GIN index from migration 0001 stays and search ranks a bounded candidate set instead.
 */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine !== "postgres" || process.env[NO_RUM_ENV] === "1") return;
  const available = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_available_extensions
    WHERE name = 'rum'`.execute(db);
  if (!available.rows[0]?.n) return;
  // A server may list the extension yet refuse to create it (no privilege): keep the migration alive.
  await sql`SAVEPOINT rum_extension`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS rum`.execute(db);
    await sql`RELEASE SAVEPOINT rum_extension`.execute(db);
  } catch {
    await sql`ROLLBACK TO SAVEPOINT rum_extension`.execute(db);
    return;
  }
  await sql`CREATE INDEX IF NOT EXISTS articles_search_rum ON articles USING rum (search rum_tsvector_ops)`.execute(db);
}
