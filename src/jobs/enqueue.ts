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
  return store.engine === "postgres";
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
