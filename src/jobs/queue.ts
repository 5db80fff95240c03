import type { Job, JobCounts, JobInfo, JobState, NewJob } from "../store/jobs.ts";
import type { Repositories } from "../store/store.ts";

// The queue's storage is the jobs repository (src/store/jobs.ts); these are the queue operations
// as the worker, the CLI and tests name them, plus the retry policy, which is not storage.

/** Adds jobs; a job of the same kind already waiting for the same article is not added twice. */
export async function enqueueJobs(
  store: Repositories,
  jobs: NewJob[],
  options: { maxAttempts?: number } = {},
): Promise<number> {
  return store.jobs.enqueue(jobs, options);
}

/**
 * Takes up to `limit` jobs that are due, and running jobs whose lease has run out (their worker
 * died), marking them running under `workerId` until now + leaseMs.
 */
export async function claimJobs(
  store: Repositories,
  workerId: string,
  limit: number,
  leaseMs: number,
  kinds?: string[],
): Promise<Job[]> {
  return store.jobs.claim(workerId, limit, leaseMs, kinds);
}

/** Extends the lease of jobs still being worked on, so a slow job is not mistaken for a dead worker's. */
export async function renewLeases(store: Repositories, workerId: string, ids: number[], leaseMs: number) {
  return store.jobs.renewLeases(workerId, ids, leaseMs);
}

/**
 * Marks a job done, counting the completion, only if this worker still holds it. Pass the
 * transaction that wrote the job's result so the result and the completion commit together: a
 * worker that lost its lease rolls back instead of finishing a job someone else now owns.
 */
export async function completeJob(tx: Repositories, job: Job, workerId: string): Promise<boolean> {
  return tx.jobs.complete(job, workerId);
}

/** Hands claimed jobs this worker has not started back to the queue, as if never claimed (on shutdown). */
export async function releaseJobs(store: Repositories, workerId: string, ids: number[]): Promise<number> {
  return store.jobs.release(workerId, ids);
}

export interface BackoffOptions {
  /** First retry delay; each later one doubles, up to maxMs. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, maxMs: 10 * 60_000 };

/** Exponential, with up to 20% jitter so jobs that failed together do not all retry together. */
export function backoffDelay(attempt: number, backoff: BackoffOptions, random = Math.random): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (1 + 0.2 * random()));
}

/** Records a failure: back to waiting after a back-off delay, or parked with its error after the last attempt. */
export async function failJob(
  store: Repositories,
  job: Job,
  workerId: string,
  error: string,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): Promise<"retry" | "parked" | "lost"> {
  return store.jobs.fail(job, workerId, error, backoffDelay(job.attempts, backoff));
}

/** Jobs by kind and state. */
export async function countJobs(store: Repositories): Promise<JobCounts> {
  return store.jobs.counts();
}

export async function listJobs(
  store: Repositories,
  filter: { state?: JobState; kind?: string; limit?: number } = {},
): Promise<JobInfo[]> {
  return store.jobs.list(filter);
}

/** Puts parked jobs (all, or the given ids) back in the queue with a fresh set of attempts. */
export async function retryParkedJobs(store: Repositories, ids?: number[]): Promise<number> {
  return store.jobs.retryParked(ids);
}

/** True when nothing is due, running or waiting to be retried: what `worker --once` waits for. */
export async function queueDrained(store: Repositories, kinds?: string[]): Promise<boolean> {
  return store.jobs.drained(kinds);
}
