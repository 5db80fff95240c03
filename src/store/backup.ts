import { nativeOf } from "./db.ts";
import type { Store } from "./store.ts";

/**
 * A consistent copy of a store in use, written to `outPath`: SQLite's online backup. Returns null
 * for an engine backed up with its own tools instead (PostgreSQL: pg_dump takes an online snapshot).
 */
export async function backupStore(store: Store, outPath: string): Promise<{ pages: number } | null> {
  const sqlite = nativeOf(store).sqlite;
  if (!sqlite) return null;
  const { backupSqlite } = await import("./sqlite/backup.ts");
  return backupSqlite(sqlite, outPath);
}
