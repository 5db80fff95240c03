import { PGlite } from "@electric-sql/pglite";
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import type { KyselyStore } from "../../src/store/db.ts";
import { makeStore } from "../../src/store/make-store.ts";
import type { Database } from "../../src/store/schema.ts";

/**
 * Kysely over an embedded, in-process PostgreSQL (PGlite, WebAssembly), for machines without a
 * PostgreSQL server. PGlite is one session: transactions take turns; a query outside a
 * transaction runs at once (inside whichever transaction is open, which tests that await their
 * writes never notice). Processes cannot share it, so tests that spawn `newsdesk` need a server.
 */
class PgliteDriver implements Driver {
  #turn: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  constructor(private readonly pg: PGlite) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const pg = this.pg;
    return {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        const result = await pg.query<R>(compiled.sql, compiled.parameters as unknown[]);
        const writes = /^\s*(with\b[\s\S]*\)\s*)?(insert|update|delete|merge)\b/i.test(compiled.sql);
        return writes
          ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
          : { rows: result.rows };
      },
      // biome-ignore lint/correctness/useYield: streaming is not used by the store.
      async *streamQuery() {
        throw new Error("streaming is not supported on PGlite");
      },
    };
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const previous = this.#turn;
    let release = () => {};
    this.#turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await connection.executeQuery({ sql: `begin${level}`, parameters: [] } as unknown as CompiledQuery);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery({ sql: "commit", parameters: [] } as unknown as CompiledQuery);
    } finally {
      this.#endTurn();
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery({ sql: "rollback", parameters: [] } as unknown as CompiledQuery);
    } finally {
      this.#endTurn();
    }
  }

  #endTurn(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

/** A migrated-on-open store needs nothing else: this is the PostgreSQL engine on PGlite. */
export async function openPgliteStore(): Promise<KyselyStore> {
  // BIGINT as numbers, as open-postgres.ts configures node-postgres.
  const pg = await PGlite.create({ parsers: { 20: (value: string) => Number(value) } });
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new PgliteDriver(pg),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return makeStore({
    engine: "postgres",
    db,
    location: "pglite (embedded)",
    native: {
      async listen(channels, options) {
        const stops = await Promise.all(
          channels.map((channel) => pg.listen(channel, (payload) => options.onNotify(channel, payload))),
        );
        return {
          async close() {
            for (const stop of stops) await stop();
          },
        };
      },
    },
  });
}
