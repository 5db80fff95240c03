import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * SQLite only: a compact copy of the columns search filters on, keyed by the articles rowid
 * (which is also the FTS5 rowid). Checking status/section/date for every full-text match against
 * the wide articles rows (documents and bodies inline) cost four times the ranking itself on a
 * 100,000-article archive; these narrow rows keep filtering cheap. PostgreSQL filters in place.
 */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  if (engine !== "sqlite") return;
  await sql`CREATE TABLE search_filters (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    published INTEGER NOT NULL,
    section_slug TEXT NOT NULL,
    first_published TEXT
  )`.execute(db);
  await sql`INSERT INTO search_filters (rowid, article_id, published, section_slug, first_published)
    SELECT rowid, id, status = 'published', section_slug, first_published FROM articles`.execute(db);
  await sql`CREATE TRIGGER search_filters_insert AFTER INSERT ON articles BEGIN
    INSERT OR REPLACE INTO search_filters (rowid, article_id, published, section_slug, first_published)
    VALUES (new.rowid, new.id, new.status = 'published', new.section_slug, new.first_published);
  END`.execute(db);
  await sql`CREATE TRIGGER search_filters_update AFTER UPDATE ON articles BEGIN
    DELETE FROM search_filters WHERE rowid = old.rowid;
    INSERT OR REPLACE INTO search_filters (rowid, article_id, published, section_slug, first_published)
    VALUES (new.rowid, new.id, new.status = 'published', new.section_slug, new.first_published);
  END`.execute(db);
  await sql`CREATE TRIGGER search_filters_delete AFTER DELETE ON articles BEGIN
    DELETE FROM search_filters WHERE rowid = old.rowid;
  END`.execute(db);
}
