import type { Store } from "../store/store.ts";
import { SCHEDULER_ACTOR } from "./actor.ts";
import type { Clock } from "./clock.ts";
import { applyTransition, dueAt } from "./workflow.ts";

/**
 * Publishes every scheduled article whose time has come (and forgets embargoes that have lifted on
 * articles with nothing scheduled). Returns the ids published. Safe to run from several processes:
 * each publication is a revision-checked write, so only one of them wins.
 */
export async function runDueSchedules(store: Store, now: Date): Promise<string[]> {
  const { schedule } = store;
  const published: string[] = [];
  for (const row of await schedule.pending()) {
    const due = dueAt(row);
    if (due === null) {
      if (row.embargoUntil && Date.parse(row.embargoUntil) <= now.getTime()) await schedule.clear(row.articleId);
      continue;
    }
    if (due > now.getTime() || row.status !== "scheduled") continue;
    try {
      await applyTransition(store, "scheduled-publish", {
        actor: SCHEDULER_ACTOR,
        id: row.articleId,
        expectedRevision: row.revision,
        now,
        detail: "scheduled",
      });
      published.push(row.articleId);
    } catch (error) {
      // Changed meanwhile (another process published it, or an editor edited it): the next run decides again.
      const name = (error as Error).name;
      if (name !== "ConflictError" && name !== "NotFoundError" && name !== "StateError") throw error;
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
