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
      .argument("<file>", "a file written by `newsdesk backup`")
      .option("--force", "replace an existing store"),
  ).action(async (file: string, options: { db?: string; force?: boolean }) => {
    const { existsSync } = await import("node:fs");
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
    const { kept } = await restoreSqlite(file, target);
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
