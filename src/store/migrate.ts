import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Kysely, sql } from "kysely";
import { kyselyOf } from "./db.ts";
import type { Database } from "./schema.ts";
import type { Engine, Store } from "./store.ts";

/** A migration module in src/store/migrations: `NNNN_name.ts` exporting `up`. */
export interface Migration {
  up(db: Kysely<Database>, engine: Engine): Promise<void>;
}

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** The names of every migration this version knows, in order. */
export function knownMigrations(): string[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f))
    .sort()
    .map((f) => f.replace(/\.ts$/, ""));
}

/** Applies, in name order, every migration not yet recorded; each in its own transaction. */
export async function migrate(store: Store): Promise<string[]> {
  // Concurrent CREATE TABLE IF NOT EXISTS can still collide in PostgreSQL's catalog: take the same lock.
  await kyselyOf(store)
    .transaction()
    .execute(async (trx) => {
      if (store.engine === "postgres") await sql`SELECT pg_advisory_xact_lock(7301)`.execute(trx);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(
        trx,
      );
    });
  const applied = new Set(
    (await kyselyOf(store).selectFrom("schema_migrations").select("name").execute()).map((r) => r.name),
  );
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f))
    .sort();
  const ran: string[] = [];
  for (const file of files) {
    const name = file.replace(/\.ts$/, "");
    if (applied.has(name)) continue;
    const mod = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
    await kyselyOf(store)
      .transaction()
      .execute(async (trx) => {
        // Two servers may start at once against PostgreSQL: the lock makes the second wait, then skip.
        if (store.engine === "postgres") await sql`SELECT pg_advisory_xact_lock(7301)`.execute(trx);
        const done = await trx
          .selectFrom("schema_migrations")
          .select("name")
          .where("name", "=", name)
          .executeTakeFirst();
        if (done) return;
        await mod.up(trx, store.engine);
        await trx.insertInto("schema_migrations").values({ name, applied_at: new Date().toISOString() }).execute();
      });
    ran.push(name);
  }
  return ran;
}
