import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * Search's tag filter asks for the articles with one tag, of any kind; the core index leads with
 * the kind, so it cannot answer that. This one can, and covers the article ids it returns.
 */
export async function up(db: Kysely<Database>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex("article_entities_tag_article")
    .on("article_entities")
    .columns(["tag", "article_id"])
    .execute();
}
