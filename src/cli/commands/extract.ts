import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("extract")
    .description("Read files and print each article found, enriched, as one JSON object per line (nothing is stored)")
    .argument("<inputs...>", "FILE, DIR or - for standard input")
    .option("--section <name>", "section for articles whose source names none")
    .option("--base-url <url>", "base URL for resolving relative links in HTML")
    .action(async (inputs: string[], options: { section?: string; baseUrl?: string }) => {
      const { prepareFile } = await import("../../ingest/pipeline.ts");
      const { displayName, listInputs } = await import("../../ingest/read-input.ts");
      const { files, missing } = listInputs(inputs);
      let failed = missing.length;
      for (const m of missing) process.stderr.write(`${m.file}: ${m.reason}\n`);
      // A reader that stops early (`extract … | head`) closes the pipe: stop quietly.
      let closed = false;
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e;
        closed = true;
      });
      for (const input of files) {
        if (closed) break;
        try {
          const prepared = await prepareFile(input, { defaultSection: options.section, baseUrl: options.baseUrl });
          if (prepared.note) process.stderr.write(`note: ${prepared.file}: ${prepared.note}\n`);
          for (const article of prepared.articles) {
            process.stdout.write(`${JSON.stringify({ file: prepared.file, format: prepared.format, ...article })}\n`);
          }
        } catch (error) {
          failed++;
          process.stderr.write(`${displayName(input.name)}: ${(error as Error).message.split("\n")[0]}\n`);
        }
      }
      if (failed > 0) process.exitCode = 1;
    });
}
