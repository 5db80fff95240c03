import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

export interface ThreadArticle {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
}

/** Story threads: which thread each article is in. */
export interface ThreadRepository {
  /** The thread of each of these articles that has one. */
  membership(ids: string[]): Promise<{ article_id: string; thread_id: string }[]>;
  /** Articles per thread, for these threads. */
  sizes(threadIds: string[]): Promise<{ thread_id: string; n: number }[]>;
  /** Moves every article of the `from` threads into `to`. */
  merge(from: string[], to: string): Promise<void>;
  add(rows: { article_id: string; thread_id: string }[]): Promise<void>;
  /** Takes these articles out of their threads, or every article when `ids` is absent. */
  remove(ids?: string[]): Promise<void>;
  /** Published articles of a thread, in no particular order. */
  publishedArticles(threadId: string): Promise<ThreadArticle[]>;
  threadOf(articleId: string): Promise<string | null>;
  /** Thread ids with their sizes. */
  all(): Promise<{ id: string; size: number }[]>;
}

export function threadRepository(db: Db, _engine: Engine): ThreadRepository {
  return {
    async membership(ids) {
      if (ids.length === 0) return [];
      return db
        .selectFrom("thread_articles")
        .select(["article_id", "thread_id"])
        .where("article_id", "in", ids)
        .execute();
    },
    async sizes(threadIds) {
      if (threadIds.length === 0) return [];
      const rows = await db
        .selectFrom("thread_articles")
        .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
        .where("thread_id", "in", threadIds)
        .groupBy("thread_id")
        .execute();
      return rows.map((r) => ({ thread_id: r.thread_id, n: Number(r.n) }));
    },
    async merge(from, to) {
      if (from.length > 0)
        await db.updateTable("thread_articles").set({ thread_id: to }).where("thread_id", "in", from).execute();
    },
    async add(rows) {
      if (rows.length > 0) await db.insertInto("thread_articles").values(rows).execute();
    },
    async remove(ids) {
      if (!ids) await db.deleteFrom("thread_articles").execute();
      else if (ids.length > 0) await db.deleteFrom("thread_articles").where("article_id", "in", ids).execute();
    },
    async publishedArticles(threadId) {
      const rows = await db
        .selectFrom("thread_articles as t")
        .innerJoin("articles as a", "a.id", "t.article_id")
        .select(["a.id", "a.slug", "a.headline", "a.section", "a.section_slug", "a.first_published"])
        .where("t.thread_id", "=", threadId)
        .where("a.status", "=", "published")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        slug: r.slug,
        headline: r.headline,
        section: r.section,
        sectionSlug: r.section_slug,
        firstPublished: r.first_published,
      }));
    },
    async threadOf(articleId) {
      const row = await db
        .selectFrom("thread_articles")
        .select("thread_id")
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row?.thread_id ?? null;
    },
    async all() {
      const rows = await db
        .selectFrom("thread_articles")
        .select(["thread_id", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("thread_id")
        .execute();
      return rows.map((r) => ({ id: r.thread_id, size: Number(r.n) }));
    },
  };
}
