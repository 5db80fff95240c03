import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.ts";
import type { Store } from "../../store/store.ts";
import { duplicatesOf } from "../duplicates/duplicates.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A story thread joins articles whose related score is at least this and that were published
 * within THREAD_WINDOW_DAYS of each other: the same developing story, not just the same topic.
 */
export const THREAD_MIN_SCORE = 0.3;
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
export async function assignThreads(db: Db, ids: string[]): Promise<void> {
  for (const id of ids) {
    const self = await db
      .selectFrom("related_features")
      .select("published")
      .where("article_id", "=", id)
      .executeTakeFirst();
    if (!self) continue;
    const links = await db
      .selectFrom("related_links as l")
      .innerJoin("related_features as f", "f.article_id", "l.related_id")
      .select(["l.related_id", "f.published"])
      .where("l.article_id", "=", id)
      .where("l.score", ">=", THREAD_MIN_SCORE)
      .execute();
    const neighbours = links.filter((l) => withinWindow(self.published, l.published)).map((l) => l.related_id);
    if (neighbours.length === 0) continue;
    const current = await db
      .selectFrom("thread_articles")
      .select(["article_id", "thread_id"])
      .where("article_id", "in", [id, ...neighbours])
      .execute();
    const threadIds = [...new Set(current.map((c) => c.thread_id))];
    let target = `thread-${id}`;
    if (threadIds.length > 0) {
      const sizes = await db
        .selectFrom("thread_articles")
        .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("thread_id", "in", threadIds)
        .groupBy("thread_id")
        .execute();
      sizes.sort((a, b) => Number(b.n) - Number(a.n) || (a.thread_id < b.thread_id ? -1 : 1));
      target = sizes[0].thread_id;
      const others = threadIds.filter((t) => t !== target);
      if (others.length > 0)
        await db.updateTable("thread_articles").set({ thread_id: target }).where("thread_id", "in", others).execute();
    }
    const inThread = new Set(current.map((c) => c.article_id));
    const add = [id, ...neighbours]
      .filter((n) => !inThread.has(n))
      .map((article_id) => ({
        article_id,
        thread_id: target,
      }));
    if (add.length > 0) await db.insertInto("thread_articles").values(add).execute();
  }
}

export interface ThreadArticle {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
}

export interface StoryThread {
  id: string;
  /** The headline of the thread's first article. */
  title: string;
  /** Oldest first (undated articles last), published articles only. */
  articles: ThreadArticle[];
}

/** A thread with its articles in date order, or null when it does not exist or has fewer than two. */
export async function getThread(store: Store, threadId: string): Promise<StoryThread | null> {
  const rows = await store.db
    .selectFrom("thread_articles as t")
    .innerJoin("articles as a", "a.id", "t.article_id")
    .select(["a.id", "a.slug", "a.headline", "a.section", "a.section_slug", "a.first_published"])
    .where("t.thread_id", "=", threadId)
    .where("a.status", "=", "published")
    .execute();
  if (rows.length < 2) return null;
  rows.sort((a, b) => {
    const pa = a.first_published ?? "\uffff";
    const pb = b.first_published ?? "\uffff";
    return pa < pb ? -1 : pa > pb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  // Two copies of one story (exact or near-duplicates) are listed once: the earlier one.
  const dups = await duplicatesOf(
    store.db,
    rows.map((r) => r.id),
  );
  const listed = new Set<string>();
  const unique = rows.filter((r) => {
    if ([...(dups.get(r.id) ?? [])].some((d) => listed.has(d))) return false;
    listed.add(r.id);
    return true;
  });
  if (unique.length < 2) return null;
  const articles = unique.map((r) => ({
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    section: r.section,
    sectionSlug: r.section_slug,
    firstPublished: r.first_published,
  }));
  return { id: threadId, title: articles[0].headline, articles };
}

/** The thread an article belongs to, or null. */
export async function threadFor(store: Store, articleId: string): Promise<StoryThread | null> {
  const row = await store.db
    .selectFrom("thread_articles")
    .select("thread_id")
    .where("article_id", "=", articleId)
    .executeTakeFirst();
  return row ? getThread(store, row.thread_id) : null;
}

/** Thread ids with their sizes, largest first; for reports and benchmarks. */
export async function listThreads(store: Store): Promise<{ id: string; size: number }[]> {
  const rows = await store.db
    .selectFrom("thread_articles")
    .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("thread_id")
    .execute();
  return rows
    .map((r) => ({ id: r.thread_id, size: Number(r.n) }))
    .filter((t) => t.size >= 2)
    .sort((a, b) => b.size - a.size || (a.id < b.id ? -1 : 1));
}
