import type { Kysely } from "kysely";
import { authorTag } from "../../model/article.ts";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * `article_authors`: one row per byline name, so author pages list a writer's stories without
 * reading documents. `site_settings`: small editorial settings of the site (curated fronts, the
 * breaking-news banner) as JSON by key. Existing articles get their author rows from their documents.
 */
export async function up(db: Kysely<Database>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("article_authors")
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_authors_pk", ["article_id", "ordinal"])
    .execute();
  await db.schema.createIndex("article_authors_tag").on("article_authors").columns(["tag", "article_id"]).execute();
  await db.schema
    .createTable("site_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .execute();

  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "doc"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(500)
      .execute();
    const authors = rows.flatMap((r) => {
      const byline = (JSON.parse(r.doc) as { byline?: { name?: unknown }[] }).byline ?? [];
      return byline.flatMap((p, ordinal) => {
        const name = typeof p?.name === "string" ? p.name : "";
        const tag = authorTag(name);
        return name && tag ? [{ article_id: r.id, ordinal, tag, name }] : [];
      });
    });
    if (authors.length > 0) await db.insertInto("article_authors").values(authors).execute();
    if (rows.length < 500) break;
    after = rows[rows.length - 1].id;
  }
}
