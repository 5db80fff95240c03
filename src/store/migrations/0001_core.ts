import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/** Articles, their revision history, derived entity/quote rows and the full-text index. */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  await db.schema
    .createTable("articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("section", "text", (c) => c.notNull())
    .addColumn("section_slug", "text", (c) => c.notNull())
    .addColumn("headline", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("first_published", "text")
    .addColumn("updated", "text")
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("content_hash", "text")
    .addColumn("body_text", "text", (c) => c.notNull())
    .addColumn("doc", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("modified_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("articles_section").on("articles").columns(["section_slug", "first_published"]).execute();
  await db.schema.createIndex("articles_published").on("articles").columns(["status", "first_published"]).execute();
  await db.schema.createIndex("articles_content_hash").on("articles").column("content_hash").execute();

  await db.schema
    .createTable("revisions")
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("doc", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("author", "text")
    .addColumn("message", "text")
    .addPrimaryKeyConstraint("revisions_pk", ["article_id", "revision"])
    .execute();

  await db.schema
    .createTable("article_entities")
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("tag", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("article_entities_pk", ["article_id", "kind", "tag"])
    .execute();
  await db.schema.createIndex("article_entities_tag").on("article_entities").columns(["kind", "tag"]).execute();

  await db.schema
    .createTable("article_quotes")
    .addColumn("article_id", "text", (c) => c.notNull().references("articles.id").onDelete("cascade"))
    .addColumn("ordinal", "integer", (c) => c.notNull())
    .addColumn("speaker_tag", "text")
    .addColumn("speaker", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("published", "text")
    .addPrimaryKeyConstraint("article_quotes_pk", ["article_id", "ordinal"])
    .execute();
  await db.schema
    .createIndex("article_quotes_speaker")
    .on("article_quotes")
    .columns(["speaker_tag", "published"])
    .execute();

  if (engine === "sqlite") {
    // External-content FTS5 index over the articles table, kept in step by triggers.
    await sql`CREATE VIRTUAL TABLE article_fts USING fts5(headline, summary, body_text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      INSERT INTO article_fts(rowid, headline, summary, body_text) VALUES (new.rowid, new.headline, new.summary, new.body_text);
    END`.execute(db);
    await sql`CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
      INSERT INTO article_fts(article_fts, rowid, headline, summary, body_text) VALUES ('delete', old.rowid, old.headline, old.summary, old.body_text);
    END`.execute(db);
    await sql`CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, summary, body_text ON articles BEGIN
      INSERT INTO article_fts(article_fts, rowid, headline, summary, body_text) VALUES ('delete', old.rowid, old.headline, old.summary, old.body_text);
      INSERT INTO article_fts(rowid, headline, summary, body_text) VALUES (new.rowid, new.headline, new.summary, new.body_text);
    END`.execute(db);
  } else {
    // Headline weighs most, then summary, then body.
    await sql`ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(body_text, '')), 'C')) STORED`.execute(db);
    await sql`CREATE INDEX articles_search ON articles USING gin (search)`.execute(db);
  }
}
