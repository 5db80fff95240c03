import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

interface MigrateOptions {
  db?: string;
  from?: string;
  to?: string;
  quiet?: boolean;
}

export function register(program: Command): void {
  dbOption(
    program
      .command("migrate")
      .description(
        "Bring a store's schema up to date, or copy a whole store into an empty one (SQLite ⇄ PostgreSQL) with --from and --to",
      )
      .option("--from <path|url>", "store to copy from (SQLite file or postgres:// URL)")
      .option("--to <path|url>", "empty store to copy into; created and migrated first")
      .option("--quiet", "no progress on stderr"),
  ).action(async (options: MigrateOptions) => {
    if (!options.from !== !options.to) throw new UserError("--from and --to go together");
    if (!options.from || !options.to) {
      // openStore applies what is missing; say what that was.
      const { openStore, resolveDbLocation } = await import("../../store/open.ts");
      const { migrate } = await import("../../store/migrate.ts");
      const store = await openStore(resolveDbLocation(options.db), { migrate: false });
      try {
        const ran = await migrate(store);
        process.stdout.write(
          ran.length ? `applied ${ran.join(", ")} to ${store.location}\n` : `${store.location} is up to date\n`,
        );
      } finally {
        await store.close();
      }
      return;
    }
    if (options.db) throw new UserError("use --from and --to to copy, or --db alone to migrate one store");
    if (options.from === options.to) throw new UserError("--from and --to name the same store");
    const { existsSync } = await import("node:fs");
    if (!/^postgres(ql)?:\/\//.test(options.from) && !existsSync(options.from))
      throw new UserError(`${options.from}: no such store`);
    const { copyStore } = await import("../../store/copy.ts");
    await withStore(options.from, (source) =>
      withStore(options.to, async (target) => {
        let last = "";
        const report = await copyStore(source, target, (table, rows) => {
          if (options.quiet) return;
          if (table !== last && last) process.stderr.write("\n");
          last = table;
          process.stderr.write(`\r${table}: ${rows} rows`);
        });
        if (last) process.stderr.write("\n");
        const total = report.tables.reduce((n, t) => n + t.rows, 0);
        process.stdout.write(
          `copied ${total} rows in ${report.tables.length} tables from ${source.location} to ${target.location}; counts match\n`,
        );
        for (const t of report.tables) process.stdout.write(`  ${t.name}\t${t.rows}\n`);
        if (report.skipped.length)
          process.stdout.write(`  (only on one side, not copied: ${report.skipped.join(", ")})\n`);
      }),
    );
  });
}
