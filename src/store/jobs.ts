import { type RawBuilder, sql } from "kysely";
import type { Db, Native } from "./db.ts";
import type { Listener } from "./postgres/listen.ts";
import type { JobsTable } from "./schema.ts";
import type { Engine } from "./store.ts";

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

export type JobCounts = Record<string, Record<JobState, number>>;

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

/** The background-job queue. Leases and back-off use the database's clock, so machines agree. */
export interface JobRepository {
  /**
   * Whether several processes share this store's queue well (PostgreSQL: SKIP LOCKED and NOTIFY),
   * so background work goes to workers by default rather than inline.
   */
  readonly sharedByProcesses: boolean;
  /** Adds jobs; a job of the same kind already waiting for the same article is not added twice. */
  enqueue(jobs: NewJob[], options?: { maxAttempts?: number }): Promise<number>;
  /** Ids of articles (after `after`, in id order) that never had a job of this kind queued; all with `all`. */
  articlesWithout(kind: string, after: string, limit: number, all?: boolean): Promise<string[]>;
  /**
   * Takes up to `limit` jobs that are due, and running jobs whose lease has run out (their worker
   * died), marking them running under `workerId` until now + leaseMs.
   */
  claim(workerId: string, limit: number, leaseMs: number, kinds?: string[]): Promise<Job[]>;
  /** Extends the lease of jobs still being worked on. */
  renewLeases(workerId: string, ids: number[], leaseMs: number): Promise<void>;
  /** Marks a job done, counting the completion, only if this worker still holds it. */
  complete(job: Job, workerId: string): Promise<boolean>;
  /** Hands claimed jobs not started back to the queue, as if never claimed. */
  release(workerId: string, ids: number[]): Promise<number>;
  /** Back to waiting after `delayMs`, or parked with its error after the last attempt. */
  fail(job: Job, workerId: string, error: string, delayMs: number): Promise<"retry" | "parked" | "lost">;
  counts(): Promise<JobCounts>;
  list(filter?: { state?: JobState; kind?: string; limit?: number }): Promise<JobInfo[]>;
  /** Puts parked jobs (all, or the given ids) back in the queue with a fresh set of attempts. */
  retryParked(ids?: number[]): Promise<number>;
  /** True when nothing is due, running or waiting to be retried. */
  drained(kinds?: string[]): Promise<boolean>;
  /** Calls `wake` when jobs are enqueued by any process, where the engine can tell (PostgreSQL); else null. */
  onEnqueued(wake: () => void): Promise<Listener | null>;
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

export function jobRepository(db: Db, engine: Engine, native: Native = {}): JobRepository {
  const postgres = engine === "postgres";
  /** Now in epoch milliseconds by the database's clock. */
  const nowMs = (): RawBuilder<number> =>
    postgres
      ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
      : sql<number>`CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
  const notify = async (n: number) => {
    if (postgres && n > 0) await sql`SELECT pg_notify(${JOBS_CHANNEL}, '')`.execute(db);
  };
  return {
    sharedByProcesses: postgres,
    async enqueue(jobs, options = {}) {
      const iso = new Date().toISOString();
      let added = 0;
      for (let i = 0; i < jobs.length; i += 500) {
        const rows = jobs.slice(i, i + 500).map((j) => ({
          kind: j.kind,
          article_id: j.articleId,
          state: "queued" as const,
          max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
          run_at: nowMs(),
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
      await notify(added);
      return added;
    },
    async articlesWithout(kind, after, limit, all = false) {
      let q = db.selectFrom("articles").select("id").where("id", ">", after);
      if (!all)
        q = q.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("jobs")
                .select("jobs.id")
                .where("jobs.kind", "=", kind)
                .whereRef("jobs.article_id", "=", "articles.id"),
            ),
          ),
        );
      return (await q.orderBy("id").limit(limit).execute()).map((r) => r.id);
    },
    async claim(workerId, limit, leaseMs, kinds) {
      const now = nowMs();
      // A job whose worker died on its last allowed attempt is parked rather than run forever.
      await db
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
      // On PostgreSQL, SKIP LOCKED lets any number of workers claim at once without waiting on or
      // double-taking each other's rows; SQLite has one writer at a time anyway.
      const query = postgres
        ? sql<JobRow>`WITH next AS (
            SELECT id FROM jobs WHERE ${due} ORDER BY run_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          UPDATE jobs SET ${set} FROM next WHERE jobs.id = next.id RETURNING ${returning}`
        : sql<JobRow>`UPDATE jobs SET ${set}
          WHERE id IN (SELECT id FROM jobs WHERE ${due} ORDER BY run_at, id LIMIT ${limit}) RETURNING ${returning}`;
      const { rows } = await query.execute(db);
      return rows.map(toJob).sort((a, b) => a.id - b.id);
    },
    async renewLeases(workerId, ids, leaseMs) {
      if (ids.length === 0) return;
      await db
        .updateTable("jobs")
        .set({ lease_until: sql<number>`${nowMs()} + ${leaseMs}` })
        .where("id", "in", ids)
        .where("locked_by", "=", workerId)
        .where("state", "=", "running")
        .execute();
    },
    async complete(job, workerId) {
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
    },
    async release(workerId, ids) {
      if (ids.length === 0) return 0;
      const result = await db
        .updateTable("jobs")
        .set((eb) => ({
          state: "retry",
          attempts: eb("attempts", "-", 1),
          locked_by: null,
          lease_until: null,
          run_at: nowMs(),
          updated_at: new Date().toISOString(),
        }))
        .where("id", "in", ids)
        .where("locked_by", "=", workerId)
        .where("state", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async fail(job, workerId, error, delayMs) {
      const parked = job.attempts >= job.maxAttempts;
      const result = await db
        .updateTable("jobs")
        .set({
          state: parked ? "parked" : "retry",
          run_at: sql<number>`${nowMs()} + ${parked ? 0 : delayMs}`,
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
    },
    async counts() {
      const rows = await db
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
    },
    async list(filter = {}) {
      let q = db.selectFrom("jobs").selectAll();
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
    },
    async retryParked(ids) {
      let q = db
        .updateTable("jobs")
        .set({
          state: "retry",
          attempts: 0,
          run_at: nowMs(),
          updated_at: new Date().toISOString(),
        })
        .where("state", "=", "parked");
      if (ids?.length) q = q.where("id", "in", ids);
      const result = await q.executeTakeFirst();
      const n = Number(result.numUpdatedRows);
      await notify(n);
      return n;
    },
    async drained(kinds) {
      let q = db.selectFrom("jobs").select("id");
      if (kinds?.length) q = q.where("kind", "in", kinds);
      const row = await q
        .where((eb) =>
          eb.or([
            eb("state", "in", ["running", "retry"]),
            eb.and([eb("state", "=", "queued"), eb("run_at", "<=", nowMs())]),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      return !row;
    },
    async onEnqueued(wake) {
      if (!postgres || !native.listen) return null;
      return native.listen([JOBS_CHANNEL], { onNotify: wake, onReconnect: wake });
    },
  };
}
