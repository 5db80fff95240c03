import type { Store } from "./store.ts";

export const DEFAULT_DB = "./newsdesk.db";

/** The database named by --db, then NEWSDESK_DB, then ./newsdesk.db. */
export function resolveDbLocation(option?: string): string {
  return option ?? process.env.NEWSDESK_DB ?? DEFAULT_DB;
}

/** Opens a store by location: a postgres:// URL selects PostgreSQL, anything else is a SQLite file. */
export async function openStore(location: string, options: { migrate?: boolean } = {}): Promise<Store> {
  const isPostgres = /^postgres(ql)?:\/\//.test(location);
  const store = isPostgres
    ? await (await import("./postgres/open-postgres.ts")).openPostgresStore(location)
    : await (await import("./sqlite/open-sqlite.ts")).openSqliteStore(location);
  if (options.migrate !== false) {
    const { migrate } = await import("./migrate.ts");
    await migrate(store);
  }
  return store;
}
