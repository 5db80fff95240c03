import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("backup")
      .description("Write a consistent copy of the store while it is in use (SQLite; PostgreSQL: use pg_dump)")
      .requiredOption("--out <file>", "the backup file to create"),
  ).action(async (options: { out: string; db?: string }) => {
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
  });
}
