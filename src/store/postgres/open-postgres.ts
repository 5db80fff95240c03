import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database as Schema } from "../schema.ts";
import { type Store, StoreError } from "../store.ts";

export interface PostgresStore extends Store {
  readonly pool: pg.Pool;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.NEWSDESK_PG_POOL ?? 10) });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError(`${redact(url)}: cannot connect to PostgreSQL (${(error as Error).message})`);
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: "postgres",
    db,
    pool,
    location: redact(url),
    async close() {
      await db.destroy();
    },
  };
}
