import { applyEnrichmentDecisions } from "../editorial/apply-decisions.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { ConflictError, getArticle } from "../store/articles.ts";
import type { Job } from "../store/jobs.ts";
import type { Repositories, Store } from "../store/store.ts";
import { enqueueJobs } from "./queue.ts";

/**
 * Marks the job done in `db` (the transaction that wrote its result, or the store); throws
 * LeaseLostError when another worker took the job meanwhile, rolling that transaction back.
 */
export type FinishJob = (tx?: Repositories) => Promise<void>;

export type JobHandler = (store: Store, job: Job, finish: FinishJob) => Promise<void>;

export class LeaseLostError extends Error {
  constructor(job: Job) {
    super(`job ${job.id} (${job.kind} ${job.articleId}) was taken over by another worker`);
    this.name = "LeaseLostError";
  }
}

/** Job kinds run for every stored article, in order: enrichment, then what needs its entities. */
export const ARTICLE_JOB_KINDS = { enrich: "enrich", related: "related" } as const;

/**
 * Test hook: NEWSDESK_JOB_HOLD_MS holds every job this long after it is claimed and read, before
 * anything is written, so a test can kill the worker mid-job.
 */
async function holdForTests(): Promise<void> {
  const ms = Number(process.env.NEWSDESK_JOB_HOLD_MS ?? 0);
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Enriches the stored article and saves it with the job's completion in one transaction. An
 * identical result makes no new revision, so running it again is harmless; an editor's save in
 * between is not overwritten (expected revision) and the job simply reads again.
 */
async function enrichJob(store: Store, job: Job, finish: FinishJob): Promise<void> {
  for (let round = 1; ; round++) {
    const stored = await getArticle(store, job.articleId);
    await holdForTests();
    if (!stored || stored.article.id !== job.articleId) return finish();
    // Journalists' fixes to enrichment win over it, so they survive this re-enrichment.
    const decisions = await store.editorialDecisions.decisionsFor(job.articleId);
    const enriched = applyEnrichmentDecisions(enrichArticle(stored.article), decisions);
    try {
      await store.transaction(async (tx) => {
        await tx.articles.save(enriched, {
          expectedRevision: stored.revision,
          author: "enrich",
          message: "enrichment",
        });
        await enqueueJobs(tx, [{ kind: ARTICLE_JOB_KINDS.related, articleId: job.articleId }]);
        await finish(tx);
      });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || round >= 3) throw error;
    }
  }
}

/**
 * Runs several claimed jobs of one kind in one go; an error fails every job of the batch not yet
 * finished. `finish(job, db?)` as for single jobs.
 */
export type BatchJobHandler = (
  store: Store,
  jobs: Job[],
  finish: (job: Job, tx?: Repositories) => Promise<void>,
) => Promise<void>;

/** Related stories, threads and near-duplicates: much cheaper per article for many articles at once. */
async function relatedJobs(store: Store, jobs: Job[], finish: Parameters<BatchJobHandler>[2]): Promise<void> {
  await holdForTests();
  await afterArticlesStored(store, [...new Set(jobs.map((j) => j.articleId))]);
  for (const job of jobs) await finish(job);
}

const handlers = new Map<string, JobHandler>([[ARTICLE_JOB_KINDS.enrich, enrichJob]]);
const batchHandlers = new Map<string, BatchJobHandler>([[ARTICLE_JOB_KINDS.related, relatedJobs]]);

/** Lets a feature add its own job kind (and tests a slow or failing one). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function registerBatchJobHandler(kind: string, handler: BatchJobHandler): void {
  batchHandlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function batchJobHandler(kind: string): BatchJobHandler | undefined {
  return batchHandlers.get(kind);
}
