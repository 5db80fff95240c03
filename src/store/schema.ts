import type { Generated } from "kysely";

/**
 * The tables of the store, shared by both engines. Timestamps are ISO-8601 strings and
 * documents are JSON text in both engines so rows read back identically.
 * Each feature adds its tables here and a migration in src/store/migrations.
 */
export interface ArticlesTable {
  id: string;
  slug: string;
  section: string;
  section_slug: string;
  headline: string;
  summary: string;
  status: string;
  language: string;
  first_published: string | null;
  updated: string | null;
  /** The latest revision number; every stored change adds one. */
  revision: number;
  /** Hash of the source bytes (imports) or of the document, for duplicate detection. */
  content_hash: string | null;
  body_text: string;
  /** The whole article as JSON (the model). */
  doc: string;
  created_at: string;
  modified_at: string;
}

export interface RevisionsTable {
  article_id: string;
  revision: number;
  doc: string;
  created_at: string;
  author: string | null;
  message: string | null;
}

/** One row per entity an article mentions; derived from the article document on save. */
export interface ArticleEntitiesTable {
  article_id: string;
  kind: "person" | "organisation" | "place";
  /** Tag slug such as `david-cameron`; one person is one tag across articles. */
  tag: string;
  name: string;
  aliases: string;
}

/** One row per quote; derived from the article document on save. */
export interface ArticleQuotesTable {
  article_id: string;
  ordinal: number;
  speaker_tag: string | null;
  speaker: string | null;
  text: string;
  type: "direct" | "indirect";
  published: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** An API token: only the hash of its secret is kept (src/auth/tokens.ts). */
export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** One row per editorial write: who, what, when, which revision (src/editorial/audit.ts). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  role: string;
  action: string;
  /** An article id, or `token:<id>` for token management. */
  target: string;
  revision: number | null;
  address: string | null;
  detail: string | null;
}

/** A pending publication: at `publish_at`, not before `embargo_until` (src/editorial/schedule.ts). */
export interface ArticleScheduleTable {
  article_id: string;
  publish_at: string | null;
  embargo_until: string | null;
  requested_by: string;
}

export interface Database {
  articles: ArticlesTable;
  revisions: RevisionsTable;
  article_entities: ArticleEntitiesTable;
  article_quotes: ArticleQuotesTable;
  schema_migrations: SchemaMigrationsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  article_schedule: ArticleScheduleTable;
}
