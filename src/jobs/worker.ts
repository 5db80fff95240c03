import { hostname } from "node:os";
import type { Job } from "../store/jobs.ts";
import type { Store } from "../store/store.ts";
import { isStoreUnavailable } from "../store/unavailable.ts";
import { type BatchJobHandler, batchJobHandler, type FinishJob, jobHandler, LeaseLostError } from "./handlers.ts";
import {
  type BackoffOptions,
  claimJobs,
  completeJob,
  DEFAULT_BACKOFF,
  failJob,
  queueDrained,
  releaseJobs,
  renewLeases,
} from "./queue.ts";

export interface WorkerOptions {
  /** Jobs run at once in this process (each in its own loop). */
  concurrency?: number;
  /** Stop once nothing is due and nothing is running anywhere, instead of waiting for more work. */
  once?: boolean;
  /** Jobs claimed per round trip; kinds with a batch handler (related stories) run them together. */
  batchSize?: number;
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
  const batchSize = Math.max(1, options.batchSize ?? 1);
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

  const listener = await store.jobs.onEnqueued(wakeAll);
  const heartbeat = setInterval(
    () => {
      renewLeases(store, workerId, [...active], leaseMs).catch((e) => log(`lease renewal failed: ${e.message}`));
    },
    Math.max(50, Math.floor(leaseMs / 3)),
  );

  async function recordFailure(job: Job, error: unknown): Promise<void> {
    if (error instanceof LeaseLostError) {
      stats.lost++;
      log(error.message);
      return;
    }
    const message = (error as Error)?.message ?? String(error);
    let outcome: Awaited<ReturnType<typeof failJob>>;
    try {
      outcome = await failJob(store, job, workerId, message, backoff);
    } catch (failure) {
      // The store is down: the job keeps its lease, which runs out, and it is claimed again.
      if (!isStoreUnavailable(failure)) throw failure;
      log(`job ${job.id} (${job.kind} ${job.articleId}) not recorded: the store is unavailable; it will be retried`);
      return;
    }
    if (outcome === "parked") stats.parked++;
    else if (outcome === "retry") stats.retried++;
    else stats.lost++;
    log(`job ${job.id} (${job.kind} ${job.articleId}) failed on attempt ${job.attempts}: ${message} → ${outcome}`);
  }

  async function finishJob(job: Job, tx: Parameters<FinishJob>[0] = store): Promise<void> {
    if (!(await completeJob(tx, job, workerId))) throw new LeaseLostError(job);
  }

  async function run(job: Job): Promise<void> {
    const handler = jobHandler(job.kind);
    let finished = false;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(store, job, async (db) => {
        await finishJob(job, db);
        finished = true;
      });
      if (!finished) await finishJob(job);
      stats.done++;
    } catch (error) {
      await recordFailure(job, error);
    }
  }

  async function runBatch(handler: BatchJobHandler, jobs: Job[]): Promise<void> {
    const finished = new Set<number>();
    try {
      await handler(store, jobs, async (job, db) => {
        await finishJob(job, db);
        finished.add(job.id);
        stats.done++;
      });
      for (const job of jobs) if (!finished.has(job.id)) await run(job);
    } catch (error) {
      for (const job of jobs) if (!finished.has(job.id)) await recordFailure(job, error);
    }
  }

  async function loop(): Promise<void> {
    let unavailableSince: number | null = null;
    while (!stopping) {
      let jobs: Job[];
      try {
        jobs = await claimJobs(store, workerId, batchSize, leaseMs, options.kinds);
      } catch (error) {
        // PostgreSQL restarting: wait and try again rather than exit; the pool reconnects.
        if (!isStoreUnavailable(error)) throw error;
        if (unavailableSince === null) {
          unavailableSince = Date.now();
          log(`the store is unavailable (${(error as Error).message}); retrying`);
        }
        await sleep(Math.min(5000, pollMs * 2));
        continue;
      }
      if (unavailableSince !== null) {
        log(`the store is back after ${((Date.now() - unavailableSince) / 1000).toFixed(1)} s`);
        unavailableSince = null;
      }
      if (jobs.length > 0) {
        // Claimed by this loop and not yet run (other loops share `active`).
        const pending = new Set(jobs.map((j) => j.id));
        for (const job of jobs) active.add(job.id);
        try {
          for (const kind of new Set(jobs.map((j) => j.kind))) {
            const ofKind = jobs.filter((j) => j.kind === kind);
            const batch = batchJobHandler(kind);
            if (stopping) break;
            if (batch) {
              for (const job of ofKind) pending.delete(job.id);
              await runBatch(batch, ofKind);
            } else
              for (const job of ofKind) {
                if (stopping) break;
                pending.delete(job.id);
                await run(job);
                active.delete(job.id);
              }
          }
          // Stopping: what this worker claimed but did not start goes back for others at once.
          if (pending.size > 0) await releaseJobs(store, workerId, [...pending]);
        } finally {
          for (const job of jobs) active.delete(job.id);
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
