import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("backup")
      .description("Write a consistent copy of the store while it is in use (SQLite; PostgreSQL: use pg_dump)")
      .requiredOption("--out <file>", "the backup file to create")
      .option("--verify", "restore the backup into a temporary store and run the full check on it"),
  ).action(async (options: { out: string; db?: string; verify?: boolean }) => {
    const { resolve } = await import("node:path");
    await withStore(options.db, async (store) => {
      const { backupStore } = await import("../../store/backup.ts");
      const done = await backupStore(store, resolve(options.out));
      if (!done) {
        throw new UserError(
          [
            "PostgreSQL stores are backed up with PostgreSQL's own tools, which take a consistent snapshot online:",
            `  pg_dump --format=custom --file ${options.out} '${store.location}'`,
            "and restored into an empty database with:",
            `  pg_restore --clean --if-exists --no-owner --dbname '<postgres://…/newsdesk>' ${options.out}`,
          ].join("\n"),
          2,
        );
      }
      process.stdout.write(`backed up ${store.location} to ${options.out} (${done.pages} pages)\n`);
    });
    if (options.verify) await verifyBackup(resolve(options.out));
  });
}

/**
 * A backup is only as good as its restore: copy it to a temporary folder the way `restore` would,
 * open it (which migrates it), run the full check, and throw away the copy.
 */
async function verifyBackup(file: string): Promise<void> {
  const { mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const { restoreSqlite } = await import("../../store/sqlite/backup.ts");
  const { openStore } = await import("../../store/open.ts");
  const { checkStore } = await import("../../store/integrity.ts");
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-verify-"));
  try {
    const target = join(dir, "restored.db");
    await restoreSqlite(file, target);
    const store = await openStore(target);
    try {
      const report = await checkStore(store, "full");
      if (!report.ok) {
        throw new UserError(
          `${file}: the backup does not pass the check: ${report.problems.slice(0, 5).join("; ")}`,
          1,
        );
      }
      process.stdout.write(
        `verified ${file}: restored and checked (${report.checked.articles} articles, ${report.checked.revisions} revisions)\n`,
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
