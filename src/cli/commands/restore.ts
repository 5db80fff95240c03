import type { Command } from "commander";
import { resolveDbLocation } from "../../store/open.ts";
import { UserError } from "../errors.ts";
import { dbOption } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("restore")
      .description(
        "Replace the SQLite store with a backup (refused while any process holds the store; the old one is kept)",
      )
      .argument("<file>", "a file written by `newsdesk backup`, or a WAL archive folder (serve --wal-archive)")
      .option("--force", "replace an existing store")
      .option("--to-time <time>", "with a WAL archive: the store as it was at this ISO 8601 time (default: latest)"),
  ).action(async (file: string, options: { db?: string; force?: boolean; toTime?: string }) => {
    const { existsSync, statSync, rmSync } = await import("node:fs");
    const target = resolveDbLocation(options.db);
    if (/^postgres(ql)?:\/\//.test(target)) {
      throw new UserError(
        `PostgreSQL stores are restored with pg_restore: pg_restore --clean --if-exists --no-owner --dbname '${target}' ${file}`,
        2,
      );
    }
    if (existsSync(target) && !options.force) {
      throw new UserError(`${target} exists; add --force to replace it with ${file}`, 2);
    }
    const { restoreSqlite } = await import("../../store/sqlite/backup.ts");
    const isArchive = existsSync(file) && statSync(file).isDirectory();
    if (options.toTime !== undefined && !isArchive) {
      throw new UserError(`--to-time needs a WAL archive folder (serve --wal-archive DIR); ${file} is not a folder`, 2);
    }
    let source = file;
    if (isArchive) {
      const at = options.toTime === undefined ? undefined : new Date(options.toTime);
      if (at && (!/^\d{4}-\d{2}-\d{2}T/.test(options.toTime!) || Number.isNaN(at.getTime()))) {
        throw new UserError(
          `--to-time must be an ISO 8601 time such as 2026-03-01T09:30:00Z; got "${options.toTime}"`,
          2,
        );
      }
      const { buildFromArchive } = await import("../../store/sqlite/wal-archive.ts");
      source = `${target}.from-archive`;
      rmSync(source, { force: true });
      const built = buildFromArchive(file, source, at);
      process.stdout.write(
        `rebuilt from ${built.generation}: ${built.segments} WAL segments, the last shipped at ${built.appliedUntil.toISOString()}\n`,
      );
    }
    let kept: string | null;
    try {
      ({ kept } = await restoreSqlite(source, target));
    } finally {
      if (source !== file) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${source}${suffix}`, { force: true });
    }
    if (kept) process.stdout.write(`kept the previous store as ${kept}\n`);
    const { openStore } = await import("../../store/open.ts");
    const { countArticles } = await import("../../store/articles.ts");
    // Opening migrates a backup taken by an older version to the current schema.
    const store = await openStore(target);
    try {
      process.stdout.write(`restored ${file} to ${target} (${await countArticles(store)} articles)\n`);
    } finally {
      await store.close();
    }
  });
}
