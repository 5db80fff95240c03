import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { Database, JobsTable } from "../store/schema.ts";
import type { Store } from "../store/store.ts";

type Db = Kysely<Database> | Transaction<Database>;

export type JobState = JobsTable["state"];
export const JOB_STATES: JobState[] = ["queued", "retry", "running", "done", "parked"];

/** Idle workers LISTEN here; enqueueing NOTIFYs so they wake without waiting for the next poll. */
export const JOBS_CHANNEL = "newsdesk_jobs";

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface Job {
  id: number;
  kind: string;
  articleId: string;
  /** Counting this one. */
  attempts: number;
  maxAttempts: number;
}

export interface NewJob {
  kind: string;
  articleId: string;
}

/**
 * Now in epoch milliseconds by the database's clock, so leases and back-off agree across machines
 * whose clocks differ.
 */
function nowMs(store: Store): RawBuilder<number> {
  return store.engine === "postgres"
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
}

/** Adds jobs; a job of the same kind already waiting for the same article is not added twice. */
export async function enqueueJobs(
  store: Store,
  jobs: NewJob[],
  options: { maxAttempts?: number; db?: Db } = {},
): Promise<number> {
  const db = options.db ?? store.db;
  const iso = new Date().toISOString();
  let added = 0;
  for (let i = 0; i < jobs.length; i += 500) {
    const rows = jobs.slice(i, i + 500).map((j) => ({
      kind: j.kind,
      article_id: j.articleId,
      state: "queued" as const,
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: nowMs(store),
      created_at: iso,
      updated_at: iso,
    }));
    const result = await db
      .insertInto("jobs")
      .values(rows)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  if (store.engine === "postgres" && added > 0) await sql`SELECT pg_notify(${JOBS_CHANNEL}, '')`.execute(db);
  return added;
}

/**
 * Takes up to `limit` jobs that are due, and running jobs whose lease has run out (their worker
 * died), marking them running under `workerId` until now + leaseMs. On PostgreSQL, SKIP LOCKED lets
 * any number of workers claim at once without waiting on or double-taking each other's rows.
 */
export async function claimJobs(
  store: Store,
  workerId: string,
  limit: number,
  leaseMs: number,
  kinds?: string[],
): Promise<Job[]> {
  const now = nowMs(store);
  // A job whose worker died on its last allowed attempt is parked rather than run forever.
  await store.db
    .updateTable("jobs")
    .set({
      state: "parked",
      locked_by: null,
      lease_until: null,
      last_error: sql<string>`coalesce(last_error || '; ', '') || 'worker lost on attempt ' || attempts`,
      updated_at: new Date().toISOString(),
    })
    .where("state", "=", "running")
    .where("lease_until", "<", now)
    .whereRef("attempts", ">=", "max_attempts")
    .execute();
  const kindFilter = kinds?.length ? sql`AND kind IN (${sql.join(kinds)})` : sql``;
  const due = sql`((state IN ('queued', 'retry') AND run_at <= ${now}) OR (state = 'running' AND lease_until < ${now})) ${kindFilter}`;
  const iso = new Date().toISOString();
  const set = sql`state = 'running', attempts = attempts + 1, locked_by = ${workerId},
    lease_until = ${now} + ${leaseMs}, updated_at = ${iso}, started_at = ${iso}`;
  const returning = sql`jobs.id, jobs.kind, jobs.article_id, jobs.attempts, jobs.max_attempts`;
  const query =
    store.engine === "postgres"
      ? sql<JobRow>`WITH next AS (
          SELECT id FROM jobs WHERE ${due} ORDER BY run_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        UPDATE jobs SET ${set} FROM next WHERE jobs.id = next.id RETURNING ${returning}`
      : sql<JobRow>`UPDATE jobs SET ${set}
        WHERE id IN (SELECT id FROM jobs WHERE ${due} ORDER BY run_at, id LIMIT ${limit}) RETURNING ${returning}`;
  const { rows } = await query.execute(store.db);
  return rows.map(toJob).sort((a, b) => a.id - b.id);
}

interface JobRow {
  id: number;
  kind: string;
  article_id: string;
  attempts: number;
  max_attempts: number;
}

function toJob(r: JobRow): Job {
  return {
    id: Number(r.id),
    kind: r.kind,
    articleId: r.article_id,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
  };
}

/** Extends the lease of jobs still being worked on, so a slow job is not mistaken for a dead worker's. */
export async function renewLeases(store: Store, workerId: string, ids: number[], leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await store.db
    .updateTable("jobs")
    .set({ lease_until: sql<number>`${nowMs(store)} + ${leaseMs}` })
    .where("id", "in", ids)
    .where("locked_by", "=", workerId)
    .where("state", "=", "running")
    .execute();
}

/**
 * Marks a job done, counting the completion, only if this worker still holds it. Pass the
 * transaction that wrote the job's result so the result and the completion commit together: a
 * worker that lost its lease rolls back instead of finishing a job someone else now owns.
 */
export async function completeJob(db: Db, job: Job, workerId: string): Promise<boolean> {
  const result = await db
    .updateTable("jobs")
    .set((eb) => ({
      state: "done",
      completions: eb("completions", "+", 1),
      locked_by: null,
      lease_until: null,
      finished_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    }))
    .where("id", "=", job.id)
    .where("locked_by", "=", workerId)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Hands claimed jobs this worker has not started back to the queue, as if never claimed (on shutdown). */
export async function releaseJobs(store: Store, workerId: string, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await store.db
    .updateTable("jobs")
    .set((eb) => ({
      state: "retry",
      attempts: eb("attempts", "-", 1),
      locked_by: null,
      lease_until: null,
      run_at: nowMs(store),
      updated_at: new Date().toISOString(),
    }))
    .where("id", "in", ids)
    .where("locked_by", "=", workerId)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
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
  store: Store,
  job: Job,
  workerId: string,
  error: string,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): Promise<"retry" | "parked" | "lost"> {
  const parked = job.attempts >= job.maxAttempts;
  const result = await store.db
    .updateTable("jobs")
    .set({
      state: parked ? "parked" : "retry",
      run_at: sql<number>`${nowMs(store)} + ${parked ? 0 : backoffDelay(job.attempts, backoff)}`,
      locked_by: null,
      lease_until: null,
      last_error: error.slice(0, 4000),
      updated_at: new Date().toISOString(),
    })
    .where("id", "=", job.id)
    .where("locked_by", "=", workerId)
    .where("state", "=", "running")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return "lost";
  return parked ? "parked" : "retry";
}

export type JobCounts = Record<string, Record<JobState, number>>;

/** Jobs by kind and state. */
export async function countJobs(store: Store): Promise<JobCounts> {
  const rows = await store.db
    .selectFrom("jobs")
    .select(["kind", "state", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["kind", "state"])
    .orderBy("kind")
    .execute();
  const counts: JobCounts = {};
  for (const r of rows) {
    counts[r.kind] ??= Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    counts[r.kind][r.state] = Number(r.n);
  }
  return counts;
}

export interface JobInfo {
  id: number;
  kind: string;
  articleId: string;
  state: JobState;
  attempts: number;
  completions: number;
  maxAttempts: number;
  lastError: string | null;
  lockedBy: string | null;
  updatedAt: string;
}

export async function listJobs(
  store: Store,
  filter: { state?: JobState; kind?: string; limit?: number } = {},
): Promise<JobInfo[]> {
  let q = store.db.selectFrom("jobs").selectAll();
  if (filter.state) q = q.where("state", "=", filter.state);
  if (filter.kind) q = q.where("kind", "=", filter.kind);
  const rows = await q
    .orderBy("id", "desc")
    .limit(filter.limit ?? 50)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    articleId: r.article_id,
    state: r.state,
    attempts: Number(r.attempts),
    completions: Number(r.completions),
    maxAttempts: Number(r.max_attempts),
    lastError: r.last_error,
    lockedBy: r.locked_by,
    updatedAt: r.updated_at,
  }));
}

/** Puts parked jobs (all, or the given ids) back in the queue with a fresh set of attempts. */
export async function retryParkedJobs(store: Store, ids?: number[]): Promise<number> {
  let q = store.db
    .updateTable("jobs")
    .set({
      state: "retry",
      attempts: 0,
      run_at: nowMs(store),
      updated_at: new Date().toISOString(),
    })
    .where("state", "=", "parked");
  if (ids?.length) q = q.where("id", "in", ids);
  const result = await q.executeTakeFirst();
  const n = Number(result.numUpdatedRows);
  if (store.engine === "postgres" && n > 0) await sql`SELECT pg_notify(${JOBS_CHANNEL}, '')`.execute(store.db);
  return n;
}

/** True when nothing is due, running or waiting to be retried: what `worker --once` waits for. */
export async function queueDrained(store: Store, kinds?: string[]): Promise<boolean> {
  let q = store.db.selectFrom("jobs").select("id");
  if (kinds?.length) q = q.where("kind", "in", kinds);
  const row = await q
    .where((eb) =>
      eb.or([
        eb("state", "in", ["running", "retry"]),
        eb.and([eb("state", "=", "queued"), eb("run_at", "<=", nowMs(store))]),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !row;
}
