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

/** A fresh, migrated store of the given engine. */
export async function tempStore(engine: Engine): Promise<TestStore> {
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
