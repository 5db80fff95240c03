import type { Kysely } from "kysely";
import type { KyselyStore, Native } from "./db.ts";
import { createRepositories } from "./repositories.ts";
import type { Database as Schema } from "./schema.ts";
import type { Engine } from "./store.ts";
import { retryWhileBusy } from "./unavailable.ts";

/** A Store over a Kysely handle: the repositories, transactions over them, and close. */
export function makeStore(options: {
  engine: Engine;
  db: Kysely<Schema>;
  location: string;
  native: Native;
  close?: () => Promise<void>;
}): KyselyStore {
  const { engine, db, location, native } = options;
  return {
    engine,
    location,
    db,
    native,
    ...createRepositories(db, engine, native),
    transaction: (fn) => retryWhileBusy(() => db.transaction().execute((trx) => fn(createRepositories(trx, engine)))),
    close: options.close ?? (() => db.destroy()),
  };
}
