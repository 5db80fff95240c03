import type { Transaction } from "kysely";
import type { Article } from "../model/article.ts";
import { ConflictError, type SaveOptions, type SaveResult, saveArticleIn } from "../store/articles.ts";
import { type AuditRepository, auditRepository } from "../store/audit.ts";
import { type ScheduleRepository, scheduleRepository } from "../store/schedule.ts";
import type { Database } from "../store/schema.ts";
import type { Store } from "../store/store.ts";
import { NotFoundError } from "./errors.ts";

/** What an editorial write may touch, all inside one transaction. */
export interface EditorialTx {
  articles: {
    /** The article, locked until commit; NotFoundError / ConflictError when absent / at another revision. */
    loadForUpdate(id: string, expectedRevision: number): Promise<Article>;
    exists(id: string): Promise<boolean>;
    save(article: Article, options: SaveOptions): Promise<SaveResult>;
    revision(id: string, revision: number): Promise<Article | null>;
    /** The newest status in the history that is not `deleted`. */
    statusBeforeDelete(id: string): Promise<Article["status"] | undefined>;
  };
  schedule: ScheduleRepository;
  audit: AuditRepository;
}

export function editorialTransaction<T>(store: Store, fn: (tx: EditorialTx) => Promise<T>): Promise<T> {
  return store.db.transaction().execute((trx: Transaction<Database>) =>
    fn({
      articles: {
        async loadForUpdate(id, expectedRevision) {
          let q = trx.selectFrom("articles").select(["doc", "revision"]).where("id", "=", id);
          // PostgreSQL: hold the row so two concurrent writers cannot both pass the revision check.
          if (store.engine === "postgres") q = q.forUpdate();
          const row = await q.executeTakeFirst();
          if (!row) throw new NotFoundError(`no article ${id}`);
          if (Number(row.revision) !== expectedRevision) throw new ConflictError(id, Number(row.revision));
          const doc = JSON.parse(row.doc) as Article;
          return { ...doc, corrections: doc.corrections ?? [] };
        },
        async exists(id) {
          return !!(await trx.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst());
        },
        save: (article, options) => saveArticleIn(trx, article, options),
        async revision(id, revision) {
          const row = await trx
            .selectFrom("revisions")
            .select("doc")
            .where("article_id", "=", id)
            .where("revision", "=", revision)
            .executeTakeFirst();
          return row ? (JSON.parse(row.doc) as Article) : null;
        },
        async statusBeforeDelete(id) {
          const rows = await trx
            .selectFrom("revisions")
            .select("doc")
            .where("article_id", "=", id)
            .orderBy("revision", "desc")
            .execute();
          return rows.map((r) => (JSON.parse(r.doc) as Article).status).find((s) => s !== "deleted");
        },
      },
      schedule: scheduleRepository(trx, store.engine),
      audit: auditRepository(trx, store.engine),
    }),
  );
}
