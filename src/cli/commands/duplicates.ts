import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("duplicates")
      .description("List exact and near-duplicate articles (found after each import)")
      .option("--kind <kind>", "only exact or only near duplicates")
      .option("--json", "print JSON"),
  ).action(async (options: { db?: string; kind?: string; json?: boolean }) => {
    if (options.kind && options.kind !== "exact" && options.kind !== "near")
      throw new UserError("--kind must be exact or near");
    await withStore(options.db, async (store) => {
      const { listDuplicates } = await import("../../enrich/duplicates/duplicates.ts");
      const pairs = await listDuplicates(store, { kind: options.kind as "exact" | "near" | undefined });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(pairs, null, 2)}\n`);
        return;
      }
      for (const p of pairs) {
        const side = (s: (typeof p)["first"]) => `${s.path ?? s.id} "${s.headline}"`;
        process.stdout.write(`${p.kind}\t${p.similarity.toFixed(2)}\t${side(p.first)}\t${side(p.second)}\n`);
      }
      const exact = pairs.filter((p) => p.kind === "exact").length;
      process.stderr.write(`${exact} exact and ${pairs.length - exact} near-duplicate pairs\n`);
    });
  });
}
