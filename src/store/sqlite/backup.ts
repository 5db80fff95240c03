import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { StoreError } from "../store.ts";

/**
 * A consistent copy of a live SQLite store: better-sqlite3's online backup copies pages while
 * other connections keep reading and writing, and restarts if they change what it copied.
 */
export async function backupSqlite(sqlite: Database.Database, outPath: string): Promise<{ pages: number }> {
  if (existsSync(outPath)) throw new StoreError(`${outPath}: already exists; choose a new file`);
  const partial = `${outPath}.partial`;
  rmSync(partial, { force: true });
  try {
    const result = await sqlite.backup(partial);
    // A finished backup appears under its name only when complete, so a crash never leaves a half file there.
    renameSync(partial, outPath);
    return { pages: result.totalPages };
  } catch (error) {
    rmSync(partial, { force: true });
    throw new StoreError(`backup to ${outPath} failed: ${(error as Error).message}`);
  }
}

/** Whether a file is an intact SQLite database with the Newsdesk tables; the reason when it is not. */
export function verifySqliteFile(path: string): string | null {
  if (!existsSync(path)) return `${path}: no such file`;
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") return `${path}: integrity check failed: ${String(check)}`;
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'articles'").get();
    if (!table) return `${path}: not a Newsdesk store (no articles table)`;
    return null;
  } catch (error) {
    return `${path}: not a SQLite database (${(error as Error).message})`;
  } finally {
    db?.close();
  }
}

/**
 * Replaces the store at `target` with the backup at `source`. The copy is written beside the
 * target and renamed over it, so the target is either the old store or the whole backup.
 * The server must be stopped first: open connections would keep the replaced file.
 */
export async function restoreSqlite(source: string, target: string): Promise<void> {
  const problem = verifySqliteFile(source);
  if (problem) throw new StoreError(`cannot restore: ${problem}`);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(staging);
  } finally {
    from.close();
  }
  // The staged copy is checked before it replaces anything.
  const staged = verifySqliteFile(staging);
  if (staged) {
    rmSync(staging, { force: true });
    throw new StoreError(`cannot restore: the copy failed its check (${staged})`);
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}
