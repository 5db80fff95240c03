import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

/** A pending publication: at `publishAt` (null: nothing scheduled), never before `embargoUntil`. */
export interface ScheduleEntry {
  publishAt: string | null;
  embargoUntil: string | null;
}

/** A schedule row with the state of its article, for the scheduler. */
export interface PendingSchedule extends ScheduleEntry {
  articleId: string;
  status: string;
  revision: number;
}

/** The article_schedule table: at most one row per article. */
export interface ScheduleRepository {
  get(articleId: string): Promise<ScheduleEntry | null>;
  /** Replaces the article's row. */
  set(articleId: string, entry: ScheduleEntry & { requestedBy: string }): Promise<void>;
  clear(articleId: string): Promise<void>;
  /** Every row with its article's status and revision. */
  pending(): Promise<PendingSchedule[]>;
}

export function scheduleRepository(db: Db, _engine: Engine): ScheduleRepository {
  const clear = async (articleId: string) => {
    await db.deleteFrom("article_schedule").where("article_id", "=", articleId).execute();
  };
  return {
    async get(articleId) {
      const row = await db
        .selectFrom("article_schedule")
        .select(["publish_at", "embargo_until"])
        .where("article_id", "=", articleId)
        .executeTakeFirst();
      return row ? { publishAt: row.publish_at, embargoUntil: row.embargo_until } : null;
    },
    async set(articleId, entry) {
      await clear(articleId);
      await db
        .insertInto("article_schedule")
        .values({
          article_id: articleId,
          publish_at: entry.publishAt,
          embargo_until: entry.embargoUntil,
          requested_by: entry.requestedBy,
        })
        .execute();
    },
    clear,
    async pending() {
      const rows = await db
        .selectFrom("article_schedule")
        .innerJoin("articles", "articles.id", "article_schedule.article_id")
        .select(["article_schedule.article_id", "publish_at", "embargo_until", "articles.status", "articles.revision"])
        .execute();
      return rows.map((r) => ({
        articleId: r.article_id,
        publishAt: r.publish_at,
        embargoUntil: r.embargo_until,
        status: r.status,
        revision: Number(r.revision),
      }));
    },
  };
}
