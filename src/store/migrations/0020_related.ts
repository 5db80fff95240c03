import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * Related stories, near-duplicates and story threads. Per-article features (term vector,
 * MinHash signature) plus two inverted indexes (distinctive terms, LSH buckets) so one new
 * article is compared only with candidates, never with the whole archive.
 */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  // PostgreSQL real is single precision; SQLite REAL is a double. Scores must read back the same on both.
  const float = engine === "postgres" ? "double precision" : "real";
  const articleRef = "articles.id";
  await db.schema
    .createTable("related_features")
    .addColumn("article_id", "text", (c) => c.primaryKey().references(articleRef).onDelete("cascade"))
    .addColumn("section_slug", "text", (c) => c.notNull())
    .addColumn("published", "text")
    .addColumn("text_hash", "text", (c) => c.notNull())
    .addColumn("minhash", "text", (c) => c.notNull())
    .addColumn("shingle_count", "integer", (c) => c.notNull())
    .addColumn("terms", "text", (c) => c.notNull())
    .addColumn("all_terms", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("related_features_hash").on("related_features").column("text_hash").execute();

  await db.schema
    .createTable("related_postings")
    .addColumn("term", "text", (c) => c.notNull())
    .addColumn("article_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("weight", float, (c) => c.notNull())
    .addPrimaryKeyConstraint("related_postings_pk", ["term", "article_id"])
    .execute();
  await db.schema.createIndex("related_postings_article").on("related_postings").column("article_id").execute();

  await db.schema
    .createTable("related_term_df")
    .addColumn("term", "text", (c) => c.primaryKey())
    .addColumn("df", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("related_lsh")
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("article_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addPrimaryKeyConstraint("related_lsh_pk", ["bucket", "article_id"])
    .execute();
  await db.schema.createIndex("related_lsh_article").on("related_lsh").column("article_id").execute();

  await db.schema
    .createTable("related_links")
    .addColumn("article_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("related_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("score", float, (c) => c.notNull())
    .addPrimaryKeyConstraint("related_links_pk", ["article_id", "related_id"])
    .execute();
  await db.schema.createIndex("related_links_related").on("related_links").column("related_id").execute();

  await db.schema
    .createTable("related_overrides")
    .addColumn("article_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("other_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("related_overrides_pk", ["article_id", "other_id"])
    .execute();

  await db.schema
    .createTable("article_duplicates")
    .addColumn("article_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("duplicate_id", "text", (c) => c.notNull().references(articleRef).onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("similarity", float, (c) => c.notNull())
    .addPrimaryKeyConstraint("article_duplicates_pk", ["article_id", "duplicate_id"])
    .execute();
  await db.schema.createIndex("article_duplicates_dup").on("article_duplicates").column("duplicate_id").execute();

  await db.schema
    .createTable("thread_articles")
    .addColumn("article_id", "text", (c) => c.primaryKey().references(articleRef).onDelete("cascade"))
    .addColumn("thread_id", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("thread_articles_thread").on("thread_articles").column("thread_id").execute();
}
