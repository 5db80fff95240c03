import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

interface JobsOptions {
  db?: string;
  state?: string;
  kind?: string;
  limit: string;
  json?: boolean;
}

const STATES = ["queued", "retry", "running", "done", "parked"] as const;
type State = (typeof STATES)[number];

function parseState(state: string | undefined): State | undefined {
  if (state === undefined) return undefined;
  if (!(STATES as readonly string[]).includes(state))
    throw new UserError(`--state must be one of ${STATES.join(", ")}`);
  return state as State;
}

export function register(program: Command): void {
  const jobs = program
    .command("jobs")
    .description("Background jobs: counts by kind and state, the list, and retrying parked jobs");

  dbOption(jobs.command("counts", { isDefault: true }).description("jobs by kind and state"))
    .option("--json", "print JSON")
    .action(async (options: JobsOptions) => {
      await withStore(options.db, async (store) => {
        const { countJobs } = await import("../../jobs/queue.ts");
        const counts = await countJobs(store);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
          return;
        }
        const kinds = Object.keys(counts);
        if (kinds.length === 0) {
          process.stdout.write("no jobs\n");
          return;
        }
        const width = Math.max(4, ...kinds.map((k) => k.length));
        process.stdout.write(`${"kind".padEnd(width)} ${STATES.map((s) => s.padStart(8)).join(" ")}\n`);
        for (const kind of kinds)
          process.stdout.write(
            `${kind.padEnd(width)} ${STATES.map((s) => String(counts[kind][s]).padStart(8)).join(" ")}\n`,
          );
      });
    });

  dbOption(jobs.command("list").description("the latest jobs, newest first, with their last error"))
    .option("--state <state>", `only jobs in this state (${STATES.join(", ")})`)
    .option("--kind <kind>", "only jobs of this kind")
    .option("--limit <n>", "how many", "50")
    .option("--json", "print JSON")
    .action(async (options: JobsOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UserError("--limit must be a positive whole number");
      const state = parseState(options.state);
      await withStore(options.db, async (store) => {
        const { listJobs } = await import("../../jobs/queue.ts");
        const list = await listJobs(store, { state, kind: options.kind, limit });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        for (const j of list) {
          const error = j.lastError ? `  ${j.lastError.split("\n")[0]}` : "";
          process.stdout.write(
            `${j.id}\t${j.kind}\t${j.articleId}\t${j.state}\tattempts ${j.attempts}/${j.maxAttempts}\tdone ${j.completions}${error}\n`,
          );
        }
      });
    });

  dbOption(
    jobs
      .command("enqueue")
      .description("queue enrichment (then related stories) for articles that never had it, or --all of them"),
  )
    .option("--all", "every article, e.g. after upgrading enrichment")
    .action(async (options: JobsOptions & { all?: boolean }) => {
      await withStore(options.db, async (store) => {
        const { enqueueArchiveJobs } = await import("../../jobs/enqueue.ts");
        const n = await enqueueArchiveJobs(store, { all: options.all });
        process.stdout.write(`${n} article${n === 1 ? "" : "s"} queued for enrichment\n`);
      });
    });

  dbOption(jobs.command("retry").description("put parked jobs (all, or the ids given) back in the queue"))
    .argument("[ids...]", "job ids")
    .action(async (ids: string[], options: JobsOptions) => {
      const numbers = ids.map(Number);
      if (numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new UserError("job ids are positive whole numbers");
      await withStore(options.db, async (store) => {
        const { retryParkedJobs } = await import("../../jobs/queue.ts");
        const n = await retryParkedJobs(store, numbers);
        process.stdout.write(`${n} parked job${n === 1 ? "" : "s"} queued again\n`);
      });
    });
}
