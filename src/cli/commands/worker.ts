import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

interface WorkerCommandOptions {
  db?: string;
  concurrency: string;
  once?: boolean;
  lease: string;
  batch: string;
  kind?: string[];
  quiet?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function positiveNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UserError(`${name} must be a positive number`);
  return n;
}

export function register(program: Command): void {
  dbOption(
    program
      .command("worker")
      .description(
        "Run background jobs (enrichment, related stories) from the store's queue; start as many as you like",
      )
      .option("--concurrency <n>", "jobs run at once in this process", "1")
      .option("--once", "stop when the queue is drained instead of waiting for more work")
      .option("--batch <n>", "jobs claimed at a time (related-story jobs run together)", "20")
      .option("--lease <seconds>", "how long a job is held before another worker may take it over", "30")
      .option("--kind <kind>", "only run jobs of this kind (repeatable)", collect)
      .option("--quiet", "print only the final counts"),
  ).action(async (options: WorkerCommandOptions) => {
    const concurrency = positiveNumber(options.concurrency, "--concurrency");
    if (!Number.isInteger(concurrency) || concurrency > 64)
      throw new UserError("--concurrency must be a whole number from 1 to 64");
    const leaseMs = Math.round(positiveNumber(options.lease, "--lease") * 1000);
    const batchSize = positiveNumber(options.batch, "--batch");
    if (!Number.isInteger(batchSize) || batchSize > 1000)
      throw new UserError("--batch must be a whole number from 1 to 1000");
    await withStore(options.db, async (store) => {
      const { runWorker } = await import("../../jobs/worker.ts");
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once("SIGINT", onSignal);
      process.once("SIGTERM", onSignal);
      const log = options.quiet ? undefined : (line: string) => process.stderr.write(`worker: ${line}\n`);
      log?.(`started on ${store.location} (concurrency ${concurrency})`);
      try {
        const stats = await runWorker(store, {
          concurrency,
          once: options.once,
          leaseMs,
          batchSize,
          kinds: options.kind,
          signal: stop.signal,
          log,
        });
        const cpu = process.cpuUsage();
        const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
        process.stdout.write(
          `worker ${stats.workerId}: ${stats.done} done, ${stats.retried} to retry, ${stats.parked} parked, ${stats.lost} taken over; cpu ${cpuSeconds} s\n`,
        );
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
  });
}
