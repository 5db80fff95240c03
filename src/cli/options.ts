import { type Command, Option } from "commander";
import { openStore, resolveDbLocation } from "../store/open.ts";
import type { Store } from "../store/store.ts";

/** Every command that touches the store takes --db (PATH or postgres:// URL). */
export function dbOption(command: Command): Command {
  return command.addOption(
    new Option("--db <path|url>", "SQLite file or postgres:// URL (default: $NEWSDESK_DB or ./newsdesk.db)"),
  );
}

/** Opens the store named by --db, runs `fn`, and always closes it. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
