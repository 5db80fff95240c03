import type { Command } from "commander";
import { UserError } from "../errors.ts";

export function register(program: Command): void {
  const evaluate = program.command("eval").description("Measure enrichment against annotated data");
  evaluate
    .command("conll")
    .description(
      "Run the entity recognizer over a CoNLL-2003 file and print exact-match precision, recall and F1 for PER, ORG, LOC (MISC not scored)",
    )
    .argument(
      "<file>",
      "CoNLL-2003 file: token … NER-tag per line, blank line between sentences, -DOCSTART- between documents",
    )
    .option("--predictions <out>", "write `token gold predicted` lines, a blank line between sentences")
    .action(async (file: string, options: { predictions?: string }) => {
      const { readFileSync, writeFileSync } = await import("node:fs");
      const { evaluateConll, formatEvaluation, formatPredictions } = await import("../../enrich/ner/evaluate.ts");
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new UserError(
          `${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
        );
      }
      const result = evaluateConll(text);
      if (result.tokens === 0) throw new UserError(`${file}: no tokens found; is it in CoNLL format?`);
      process.stdout.write(formatEvaluation(result, file));
      if (options.predictions) writeFileSync(options.predictions, formatPredictions(result));
    });
}
