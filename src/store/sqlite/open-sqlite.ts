import { existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, SqliteDialect } from "kysely";
import type { KyselyStore } from "../db.ts";
import { makeStore } from "../make-store.ts";
import type { Database as Schema } from "../schema.ts";
import { StoreError, StoreReplacedError } from "../store.ts";
import { StoreBusyError } from "../unavailable.ts";
import { fileIdentity, holdStore } from "./holders.ts";
import { shippingActive } from "./wal-archive.ts";

export interface SqliteStore extends KyselyStore {
  /** The raw connection, for SQLite-only features (FTS5, backup, integrity check). */
  readonly sqlite: Database.Database;
}

/**
 * Kysely prepares every query afresh; preparing is about a quarter of the cost of a small insert,
 * so the dialect gets a connection whose `prepare` reuses statements by SQL text. A statement
 * still busy in an open iterate() is never handed out twice: a fresh one is prepared instead.
 */
/** Stands in for a ROLLBACK when SQLite has already rolled the transaction back. */
const alreadyRolledBack = {
  reader: false,
  busy: false,
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
} as unknown as Database.Statement;

function withStatementCache(sqlite: Database.Database, beforeWrite: () => void): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR): the
    // ROLLBACK Kysely then sends would fail and hide the error that mattered.
    if (!sqlite.inTransaction && /^\s*rollback\s*$/i.test(source)) return alreadyRolledBack;
    const cached = cache.get(source);
    const statement = cached && !cached.busy ? cached : sqlite.prepare(source);
    if (!cached && cache.size < 2000) cache.set(source, statement);
    // Every write (BEGIN and COMMIT included) first checks the file is still the one opened.
    if (!statement.reader) beforeWrite();
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property === "prepare") return prepare;
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const BUSY_TIMEOUT_MS = 5000;
/** How long BEGIN IMMEDIATE may wait, blocking the event loop, before the caller retries asynchronously. */
const BEGIN_WAIT_MS = 20;

/**
 * Transactions begin IMMEDIATE: the write lock is taken up front, so a transaction that read first
 * can never fail at its first write because another process (a CLI import) committed meanwhile
 * (SQLITE_BUSY_SNAPSHOT, "database is locked"). better-sqlite3 waits for a lock synchronously, so
 * BEGIN waits only briefly; when the lock is still held it fails with StoreBusyError, and
 * `store.transaction` retries after the connection is released, so readers are not held up.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: Database.Database,
    beforeWrite: () => void,
  ) {
    super({ database: withStatementCache(sqlite, beforeWrite) });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const sqlite = this.sqlite;
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      sqlite.pragma(`busy_timeout = ${BEGIN_WAIT_MS}`);
      try {
        await connection.executeQuery(CompiledQuery.raw("begin immediate"));
      } catch (error) {
        const code = (error as { code?: string }).code ?? "";
        if (code.startsWith("SQLITE_BUSY")) throw new StoreBusyError(error as Error);
        throw error;
      } finally {
        sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      }
    };
    return driver;
  }
}

export async function openSqliteStore(path: string): Promise<SqliteStore> {
  const dir = dirname(path);
  if (path !== ":memory:" && !existsSync(dir)) throw new StoreError(`${path}: folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new StoreError(`${path}: is a folder, not a database file`);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path);
    sqlite.pragma("journal_mode = WAL");
    // NORMAL is durable across application crashes in WAL mode; only power loss can drop the last commit.
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // With WAL shipping on (serve --wal-archive), only the shipper checkpoints, after shipping.
    if (path !== ":memory:" && shippingActive(path)) sqlite.pragma("wal_autocheckpoint = 0");
  } catch (error) {
    throw new StoreError(`${path}: not a Newsdesk SQLite store (${(error as Error).message})`);
  }
  if (path === ":memory:") {
    const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(sqlite, () => {}) });
    return { ...makeStore({ engine: "sqlite", db, location: path, native: { sqlite } }), sqlite };
  }
  let release: () => void;
  try {
    release = holdStore(path);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const guard = replacementGuard(path);
  const db = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect(sqlite, guard.check) });
  const store = makeStore({
    engine: "sqlite",
    db,
    location: path,
    native: { sqlite },
    close: async () => {
      guard.stop();
      try {
        await db.destroy();
      } finally {
        release();
      }
    },
  });
  return { ...store, sqlite };
}

/**
 * Notices the file being replaced or deleted under this connection (the inode changes or goes):
 * from then on every write throws StoreReplacedError, and the log says so once, at once if the
 * periodic look finds it before a write does.
 */
function replacementGuard(path: string): { check: () => void; stop: () => void } {
  const identity = fileIdentity(path);
  let replaced = false;
  const notice = (): boolean => {
    if (replaced) return true;
    if (fileIdentity(path) === identity) return false;
    replaced = true;
    process.stderr.write(
      `newsdesk: ${path} was replaced or deleted under this process (pid ${process.pid}); refusing writes from now on: restart to serve the new file\n`,
    );
    return true;
  };
  const timer = setInterval(notice, 2000);
  timer.unref();
  return {
    check: () => {
      if (notice()) throw new StoreReplacedError(path);
    },
    stop: () => clearInterval(timer),
  };
}
