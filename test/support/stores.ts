import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore } from "../../src/store/open.ts";
import type { Engine, Store } from "../../src/store/store.ts";

/** A fresh SQLite file in a temp folder; `cleanup` removes it. */
export function tempSqlitePath(): { path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-test-"));
  return { path: join(dir, "newsdesk.db"), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The PostgreSQL server tests use: NEWSDESK_TEST_PG, else the machine's local one. */
export function testPgUrl(): string {
  return process.env.NEWSDESK_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** A fresh, empty PostgreSQL database on the test server; `cleanup` drops it. */
export async function tempPgDatabase(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const admin = testPgUrl();
  const name = `newsdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestStore {
  store: Store;
  /** What to pass as --db to the CLI or the server for this store. */
  location: string;
  cleanup: () => Promise<void>;
}

let serverAnswers: Promise<boolean> | undefined;

/**
 * Whether the PostgreSQL test server answers. When it does not (or NEWSDESK_TEST_PGLITE=1), the
 * PostgreSQL tests run on an embedded PGlite instead of skipping; tests that start `newsdesk`
 * processes against PostgreSQL still need the server and fail, saying so.
 */
export function pgServerAnswers(): Promise<boolean> {
  serverAnswers ??= (async () => {
    if (process.env.NEWSDESK_TEST_PGLITE === "1") return false;
    const client = new pg.Client({ connectionString: testPgUrl(), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (error) {
      process.stderr.write(
        `PostgreSQL at ${testPgUrl()} does not answer (${(error as Error).message}); PostgreSQL tests use embedded PGlite\n`,
      );
      return false;
    }
  })();
  return serverAnswers;
}

/** A fresh, migrated store of the given engine. */
export async function tempStore(engine: Engine): Promise<TestStore> {
  if (engine === "postgres" && !(await pgServerAnswers())) {
    const { openPgliteStore } = await import("./pglite.ts");
    const { migrate } = await import("../../src/store/migrate.ts");
    const store = await openPgliteStore();
    await migrate(store);
    return { store, location: store.location, cleanup: () => store.close() };
  }
  if (engine === "sqlite") {
    const tmp = tempSqlitePath();
    const store = await openStore(tmp.path);
    return {
      store,
      location: tmp.path,
      cleanup: async () => {
        await store.close();
        tmp.cleanup();
      },
    };
  }
  const db = await tempPgDatabase();
  const store = await openStore(db.url);
  return {
    store,
    location: db.url,
    cleanup: async () => {
      await store.close();
      await db.cleanup();
    },
  };
}

/** Both engines: tests written with this run once per engine, so neither silently skips. */
export const ENGINES: Engine[] = ["sqlite", "postgres"];
