import type { Command } from "commander";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("check")
      .description("Check the store: database integrity and every article against its revisions and derived rows")
      .option("--quick", "only the fast engine check run at server start"),
  ).action(async (options: { db?: string; quick?: boolean }) => {
    const { checkStore } = await import("../../store/integrity.ts");
    const report = await withStore(options.db, (store) => checkStore(store, options.quick ? "quick" : "full"));
    for (const p of report.problems.slice(0, 200)) process.stdout.write(`problem: ${p}\n`);
    if (report.problems.length > 200) process.stdout.write(`… and ${report.problems.length - 200} more\n`);
    process.stdout.write(
      report.ok
        ? `ok: ${report.checked.articles} articles, ${report.checked.revisions} revisions\n`
        : `${report.problems.length} problems found\n`,
    );
    if (!report.ok) process.exitCode = 1;
  });
}
