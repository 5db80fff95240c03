import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  dbOption(
    program
      .command("export")
      .description("Write every article as JSON Lines: IPTC ninjs 2.1 objects, or the Newsdesk model (jsonl)")
      .option("--format <format>", "ninjs or jsonl", "ninjs")
      .option("--out <file>", "write to FILE (replaced only when the export completes) instead of stdout"),
  ).action(async (options: { db?: string; format: string; out?: string }) => {
    if (options.format !== "ninjs" && options.format !== "jsonl") {
      throw new UserError(`--format: "${options.format}" is not a format; use ninjs or jsonl`);
    }
    const { allArticles } = await import("../../store/articles.ts");
    const { toNinjs } = await import("../../ingest/ninjs/to-ninjs.ts");
    const { toJsonLine } = await import("../../ingest/jsonl/jsonl-importer.ts");
    const line =
      options.format === "ninjs" ? (a: Parameters<typeof toNinjs>[0]) => JSON.stringify(toNinjs(a)) : toJsonLine;
    // A temporary file renamed at the end: an interrupted export never leaves half a file under --out.
    const partial = options.out ? `${options.out}.partial-${process.pid}` : undefined;
    const out = partial ? createWriteStream(partial, { flags: "wx" }) : process.stdout;
    if (partial)
      await once(out, "open").catch((e: Error) => {
        throw new UserError(`--out ${options.out}: cannot write (${(e as NodeJS.ErrnoException).code ?? e.message})`);
      });
    let count = 0;
    // A reader that stops early (`export | head`) closes the pipe: stop quietly instead of failing.
    let closed: NodeJS.ErrnoException | undefined;
    out.on("error", (e: NodeJS.ErrnoException) => {
      closed = e;
      out.emit("drain");
    });
    try {
      await withStore(options.db, async (store) => {
        for await (const { article } of allArticles(store)) {
          if (closed) break;
          if (!out.write(`${line(article)}\n`)) await once(out, "drain");
          count++;
        }
      });
      if (closed && (partial || closed.code !== "EPIPE")) {
        throw new UserError(`${options.out ?? "stdout"}: cannot write (${closed.code ?? closed.message})`);
      }
      if (partial && options.out) {
        await new Promise<void>((resolve, reject) =>
          (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())),
        );
        renameSync(partial, options.out);
        process.stderr.write(`exported ${count} articles to ${options.out}\n`);
      }
    } catch (error) {
      if (partial) rmSync(partial, { force: true });
      throw error;
    }
  });
}
