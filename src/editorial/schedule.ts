import type { Article } from "../model/article.ts";
import type { Store } from "../store/store.ts";
import { SCHEDULER_ACTOR } from "./actor.ts";
import type { Clock } from "./clock.ts";
import { writeArticle } from "./workflow.ts";

/** When a pending row lets the article go live: its publish time, but never before its embargo. */
function dueAt(row: { publish_at: string | null; embargo_until: string | null }): number | null {
  if (row.publish_at === null) return null;
  return Math.max(Date.parse(row.publish_at), row.embargo_until ? Date.parse(row.embargo_until) : 0);
}

/**
 * Publishes every scheduled article whose time has come (and forgets embargoes that have lifted on
 * articles with nothing scheduled). Returns the ids published. Safe to run from several processes:
 * each publication is a revision-checked write, so only one of them wins.
 */
export async function runDueSchedules(store: Store, now: Date): Promise<string[]> {
  const rows = await store.db
    .selectFrom("article_schedule")
    .innerJoin("articles", "articles.id", "article_schedule.article_id")
    .select(["article_schedule.article_id", "publish_at", "embargo_until", "articles.status", "articles.revision"])
    .execute();
  const published: string[] = [];
  for (const row of rows) {
    const due = dueAt(row);
    if (due === null) {
      if (row.embargo_until && Date.parse(row.embargo_until) <= now.getTime()) {
        await store.db.deleteFrom("article_schedule").where("article_id", "=", row.article_id).execute();
      }
      continue;
    }
    if (due > now.getTime() || row.status !== "scheduled") continue;
    try {
      await writeArticle(store, {
        actor: SCHEDULER_ACTOR,
        action: "publish",
        id: row.article_id,
        expectedRevision: Number(row.revision),
        now,
        detail: "scheduled",
        async next(current: Article, trx) {
          await trx.deleteFrom("article_schedule").where("article_id", "=", row.article_id).execute();
          const at = new Date(due).toISOString();
          return { ...current, status: "published", firstPublished: current.firstPublished ?? at };
        },
      });
      published.push(row.article_id);
    } catch (error) {
      // Changed meanwhile (another process published it, or an editor edited it): the next run decides again.
      if ((error as Error).name !== "ConflictError" && (error as Error).name !== "NotFoundError") throw error;
    }
  }
  return published;
}

/** Runs the scheduler every `intervalMs` until stopped; the timer never keeps the process alive. */
export function startScheduler(
  store: Store,
  clock: Clock,
  intervalMs: number,
  onError: (error: unknown) => void = (error) =>
    process.stderr.write(`newsdesk: scheduler: ${(error as Error)?.message ?? String(error)}\n`),
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueSchedules(store, clock())
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
