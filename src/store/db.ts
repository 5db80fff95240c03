import type { Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";
import type { Engine, Store } from "./store.ts";
import { retryWhileBusy } from "./unavailable.ts";

/** What a repository runs its queries on: the store's Kysely handle or an open transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/**
 * The engine handles behind a store, for the few repositories that need more than SQL (SQLite's
 * change counters, PostgreSQL's LISTEN). Only src/store/ sees them.
 */
export interface Native {
  /** better-sqlite3's connection (SQLite only). */
  sqlite?: import("better-sqlite3").Database;
  /** Opens a LISTEN on the store's PostgreSQL (PostgreSQL only). */
  listen?: (
    channels: string[],
    options: import("./postgres/listen.ts").ListenOptions,
  ) => Promise<import("./postgres/listen.ts").Listener>;
}

/** The store as src/store/ sees it: the public Store plus its Kysely handle. Never exported further. */
export interface KyselyStore extends Store {
  readonly db: Kysely<Database>;
  readonly native: Native;
}

/** The Kysely handle of a store, for code inside src/store/ (copy, migrate, integrity) and benchmarks. */
export function kyselyOf(store: Store): Kysely<Database> {
  const db = (store as Partial<KyselyStore>).db;
  if (!db) throw new Error("not a Kysely-backed store");
  return db;
}

export function nativeOf(store: Store): Native {
  return (store as Partial<KyselyStore>).native ?? {};
}

/** Runs `fn` in a transaction, or directly when `db` already is one (Kysely does not nest them). */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : retryWhileBusy(() => db.transaction().execute(fn));
}

export type { Engine };
