import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { KyselyStore } from "../db.ts";
import { makeStore } from "../make-store.ts";
import type { Database as Schema } from "../schema.ts";
import { StoreError } from "../store.ts";
import { type ListenOptions, listen } from "./listen.ts";

export interface PostgresStore extends KyselyStore {
  readonly pool: pg.Pool;
}

/** The URL with its password removed, for messages and `location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

// COUNT(*) and BIGINT columns come back as strings by default; every value we store fits in a
// double, and SQLite returns numbers, so both engines read back the same types.
const int8AsNumber = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 && format !== "binary") return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * Pool size: NEWSDESK_PG_POOL, default 10 per process. Many servers and workers share one
 * PostgreSQL, whose default max_connections is 100, so each process keeps its pool small.
 */
function poolSize(): number {
  const n = Number(process.env.NEWSDESK_PG_POOL ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: "newsdesk",
    types: int8AsNumber,
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  // A connection checked out between two queries (inside a transaction, say) that the server
  // drops (shutdown: 57P01) emits "error" on the client itself, where no one listens: without this
  // the process dies. Its pending and next queries fail, and callers answer 503.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new StoreError(`${redactUrl(url)}: cannot connect to PostgreSQL (${(error as Error).message})`);
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const native = { listen: (channels: string[], options: ListenOptions) => listen(url, channels, options) };
  return { ...makeStore({ engine: "postgres", db, location: redactUrl(url), native }), pool };
}
