import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { Engine } from "../store.ts";

/**
 * What src/store/changes.ts watches. PostgreSQL: a trigger notifies on every write to articles,
 * whichever process or tool made it. SQLite: an index so polling by modified_at stays cheap.
 */
export async function up(db: Kysely<Database>, engine: Engine): Promise<void> {
  await db.schema.createIndex("articles_modified").on("articles").column("modified_at").execute();
  if (engine !== "postgres") return;
  // Payload stays far below NOTIFY's 8000-byte limit: ids and section slugs only.
  await sql`CREATE FUNCTION newsdesk_notify_article() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('newsdesk_articles', json_build_object(
          'id', OLD.id, 'section', OLD.section_slug, 'oldSection', OLD.section_slug,
          'revision', OLD.revision, 'op', 'delete')::text);
        RETURN OLD;
      END IF;
      PERFORM pg_notify('newsdesk_articles', json_build_object(
        'id', NEW.id, 'section', NEW.section_slug,
        'oldSection', CASE WHEN TG_OP = 'UPDATE' THEN OLD.section_slug END,
        'revision', NEW.revision, 'op', lower(TG_OP))::text);
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH ROW EXECUTE FUNCTION newsdesk_notify_article()`.execute(db);
}
