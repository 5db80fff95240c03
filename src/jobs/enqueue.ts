import type { Store } from "../store/store.ts";
import { ARTICLE_JOB_KINDS } from "./handlers.ts";
import { enqueueJobs } from "./queue.ts";

/**
 * Whether stored articles are enriched by workers (`newsdesk worker`) rather than inline by the
 * importer: yes on PostgreSQL, where any number of worker processes share the queue; SQLite keeps
 * enriching in-process. NEWSDESK_ENRICH=inline|queue overrides.
 */
export function enrichesInBackground(store: Store): boolean {
  const mode = process.env.NEWSDESK_ENRICH;
  if (mode === "inline") return false;
  if (mode === "queue") return true;
  return store.jobs.sharedByProcesses;
}

/**
 * Queues the background work for freshly stored articles: enrichment first; its job queues the
 * related-stories job once the entities are saved. Returns how many jobs were added.
 */
export async function enqueueArticleJobs(store: Store, articleIds: string[]): Promise<number> {
  return enqueueJobs(
    store,
    articleIds.map((articleId) => ({ kind: ARTICLE_JOB_KINDS.enrich, articleId })),
  );
}

/**
 * Queues enrichment for stored articles that never had it queued (an import stopped between
 * storing and queueing, or a store copied from SQLite), or with `all`, for every article (after
 * an enrichment upgrade; unchanged results make no new revision).
 */
export async function enqueueArchiveJobs(store: Store, options: { all?: boolean } = {}): Promise<number> {
  let added = 0;
  let after = "";
  for (;;) {
    const ids = await store.jobs.articlesWithout(ARTICLE_JOB_KINDS.enrich, after, 1000, options.all);
    if (ids.length === 0) return added;
    added += await enqueueArticleJobs(store, ids);
    after = ids[ids.length - 1];
  }
}
