import { hostname } from "node:os";
import type { PostgresStore } from "../store/postgres/open-postgres.ts";
import type { Store } from "../store/store.ts";
import { type FinishJob, jobHandler, LeaseLostError } from "./handlers.ts";
import {
  type BackoffOptions,
  claimJobs,
  completeJob,
  DEFAULT_BACKOFF,
  failJob,
  JOBS_CHANNEL,
  type Job,
  queueDrained,
  renewLeases,
} from "./queue.ts";

export interface WorkerOptions {
  /** Jobs run at once in this process (each in its own loop). */
  concurrency?: number;
  /** Stop once nothing is due and nothing is running anywhere, instead of waiting for more work. */
  once?: boolean;
  /** How long a claimed job is ours before another worker may take it; renewed while it runs. */
  leaseMs?: number;
  /** How often an idle worker looks for due jobs when no notification wakes it. */
  pollMs?: number;
  backoff?: BackoffOptions;
  /** Only these kinds; all when absent. */
  kinds?: string[];
  workerId?: string;
  /** Stops the worker after the jobs in hand are finished. */
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface WorkerStats {
  workerId: string;
  done: number;
  retried: number;
  parked: number;
  lost: number;
}

export const DEFAULT_LEASE_MS = 30_000;

/** Runs jobs from the store's queue until stopped (or, with `once`, until the queue is drained). */
export async function runWorker(store: Store, options: WorkerOptions = {}): Promise<WorkerStats> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const log = options.log ?? (() => {});
  const stats: WorkerStats = { workerId, done: 0, retried: 0, parked: 0, lost: 0 };
  const active = new Set<number>();
  let stopping = false;

  // Idle loops sleep until a notification, the poll interval, or stop, whichever comes first.
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  const stop = () => {
    stopping = true;
    wakeAll();
  };
  options.signal?.addEventListener("abort", stop, { once: true });
  if (options.signal?.aborted) stop();

  const listener =
    store.engine === "postgres"
      ? await (await import("../store/postgres/listen.ts")).listen((store as PostgresStore).url, [JOBS_CHANNEL], {
          onNotify: wakeAll,
          onReconnect: wakeAll,
        })
      : null;
  const heartbeat = setInterval(
    () => {
      renewLeases(store, workerId, [...active], leaseMs).catch((e) => log(`lease renewal failed: ${e.message}`));
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );

  async function run(job: Job): Promise<void> {
    const handler = jobHandler(job.kind);
    let finished = false;
    const finish: FinishJob = async (db = store.db) => {
      if (!(await completeJob(db, job, workerId))) throw new LeaseLostError(job);
      finished = true;
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(store, job, finish);
      if (!finished) await finish();
      stats.done++;
    } catch (error) {
      if (error instanceof LeaseLostError) {
        stats.lost++;
        log(error.message);
        return;
      }
      const message = (error as Error)?.message ?? String(error);
      const outcome = await failJob(store, job, workerId, message, backoff);
      if (outcome === "parked") stats.parked++;
      else if (outcome === "retry") stats.retried++;
      else stats.lost++;
      log(`job ${job.id} (${job.kind} ${job.articleId}) failed on attempt ${job.attempts}: ${message} → ${outcome}`);
    }
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      const [job] = await claimJobs(store, workerId, 1, leaseMs, options.kinds);
      if (job) {
        active.add(job.id);
        try {
          await run(job);
        } finally {
          active.delete(job.id);
        }
        continue;
      }
      if (options.once && active.size === 0 && (await queueDrained(store, options.kinds))) {
        stop();
        return;
      }
      await sleep(pollMs);
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    clearInterval(heartbeat);
    await listener?.close();
  }
  return stats;
}
