import { existsSync, linkSync, renameSync, rmSync } from "node:fs";
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

export interface RestoreResult {
  /** Where the replaced store was kept, if there was one. */
  kept: string | null;
}

/**
 * Replaces the store at `target` with the backup at `source`, refusing anything that could lose
 * data: a file that is not a sound Newsdesk store of this or an older version (unknown migrations,
 * tables, columns, triggers or views), a copy that fails the full check once migrated, and a
 * target some process still holds (its later writes would go to the replaced file). The copy is
 * staged beside the target, migrated and checked there, and renamed over it, so the target is
 * either the old store or the whole backup; the old store is kept as
 * `<target>.before-restore-<time>`.
 */
export async function restoreSqlite(source: string, target: string): Promise<RestoreResult> {
  const problem = verifySqliteFile(source);
  if (problem) throw new StoreError(`cannot restore: ${problem}`);
  const { schemaProblems } = await import("./schema-check.ts");
  const reader = new Database(source, { readonly: true, fileMustExist: true });
  let found: string[];
  try {
    found = await schemaProblems(reader, "partial");
  } finally {
    reader.close();
  }
  if (found.length > 0) throw new StoreError(`cannot restore ${source}: ${found.slice(0, 5).join("; ")}`);

  const { beginRestore } = await import("./holders.ts");
  const release = beginRestore(target);
  const staging = `${target}.restoring`;
  try {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${staging}${suffix}`, { force: true });
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await from.backup(staging);
    } finally {
      from.close();
    }
    const staged = await checkStaged(staging);
    if (staged.length > 0) {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${staging}${suffix}`, { force: true });
      throw new StoreError(
        `cannot restore ${source}: the restored copy fails its check: ${staged.slice(0, 5).join("; ")}`,
      );
    }
    let kept: string | null = null;
    if (existsSync(target)) {
      // Nobody holds the old store: fold its WAL into the file, so the kept copy is whole.
      const old = new Database(target, { fileMustExist: true });
      try {
        old.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        old.close();
      }
      kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      linkSync(target, kept);
    }
    for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    return { kept };
  } finally {
    release();
  }
}

/** Opens the staged copy as a store (which migrates it), then the exact schema and the full check. */
async function checkStaged(staging: string): Promise<string[]> {
  const { openSqliteStore } = await import("./open-sqlite.ts");
  const { migrate } = await import("../migrate.ts");
  const { checkStore } = await import("../integrity.ts");
  const store = await openSqliteStore(staging);
  try {
    try {
      await migrate(store);
    } catch (error) {
      return [`migrating it failed: ${(error as Error).message}`];
    }
    const report = await checkStore(store, "full");
    // Close folds the WAL into the file before it is renamed.
    return report.problems;
  } finally {
    await store.close();
  }
}
