import type { Repositories } from "../../store/store.ts";
import type { ThreadArticle } from "../../store/threads.ts";

export type { ThreadArticle };

/**
 * A story thread joins articles whose related score (the model's probability) is at least this and
 * that were published within THREAD_WINDOW_DAYS of each other: the same developing story, not just
 * the same topic. Above every calibrated first-tier cut-off but the strictest (model.ts).
 */
export const THREAD_MIN_SCORE = 0.75;
export const THREAD_WINDOW_DAYS = 21;

function withinWindow(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return Math.abs(Date.parse(a) - Date.parse(b)) <= THREAD_WINDOW_DAYS * 86_400_000;
}

/**
 * Puts each given article in the thread of its strongly related neighbours, merging threads the
 * article bridges. An article stays in the thread it was put in by a neighbour even when its own
 * strongest links have moved on, so re-running for any ids never splits a thread. Idempotent.
 */
export async function assignThreads(tx: Repositories, ids: string[]): Promise<void> {
  for (const id of ids) {
    const self = await tx.related.indexed(id);
    if (!self) continue;
    const links = await tx.related.strongNeighbours(id, THREAD_MIN_SCORE);
    const neighbours = links.filter((l) => withinWindow(self.published, l.published)).map((l) => l.related_id);
    if (neighbours.length === 0) continue;
    const current = await tx.threads.membership([id, ...neighbours]);
    const threadIds = [...new Set(current.map((c) => c.thread_id))];
    let target = `thread-${id}`;
    if (threadIds.length > 0) {
      const sizes = await tx.threads.sizes(threadIds);
      sizes.sort((a, b) => Number(b.n) - Number(a.n) || (a.thread_id < b.thread_id ? -1 : 1));
      target = sizes[0].thread_id;
      const others = threadIds.filter((t) => t !== target);
      await tx.threads.merge(others, target);
    }
    const inThread = new Set(current.map((c) => c.article_id));
    const add = [id, ...neighbours]
      .filter((n) => !inThread.has(n))
      .map((article_id) => ({
        article_id,
        thread_id: target,
      }));
    await tx.threads.add(add);
  }
}

export interface StoryThread {
  id: string;
  /** The headline of the thread's first article. */
  title: string;
  /** Oldest first (undated articles last), published articles only. */
  articles: ThreadArticle[];
}

/** A thread with its articles in date order, or null when it does not exist or has fewer than two. */
export async function getThread(store: Repositories, threadId: string): Promise<StoryThread | null> {
  const rows = await store.threads.publishedArticles(threadId);
  if (rows.length < 2) return null;
  rows.sort((a, b) => {
    const pa = a.firstPublished ?? "\uffff";
    const pb = b.firstPublished ?? "\uffff";
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  // Two copies of one story (exact or near-duplicates) are listed once: the earlier one.
  const dups = await store.duplicates.of(rows.map((r) => r.id));
  const listed = new Set<string>();
  const unique = rows.filter((r) => {
    if ([...(dups.get(r.id) ?? [])].some((d) => listed.has(d))) return false;
    listed.add(r.id);
    return true;
  });
  if (unique.length < 2) return null;
  const articles = unique;
  return { id: threadId, title: articles[0].headline, articles };
}

/** The thread an article belongs to, or null. */
export async function threadFor(store: Repositories, articleId: string): Promise<StoryThread | null> {
  const threadId = await store.threads.threadOf(articleId);
  return threadId ? getThread(store, threadId) : null;
}

/** Thread ids with their sizes, largest first; for reports and benchmarks. */
export async function listThreads(store: Repositories): Promise<{ id: string; size: number }[]> {
  return (await store.threads.all())
    .filter((t) => t.size >= 2)
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
}
