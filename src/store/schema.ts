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

/** One byline name of an article (migration 0070). */
export interface ArticleAuthorsTable {
  article_id: string;
  ordinal: number;
  tag: string;
  name: string;
}

/** An editorial setting of the site, JSON by key: `front:home`, `front:<section>`, `breaking`. */
export interface SiteSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

/** An API token: only the hash of its secret is kept (src/auth/tokens.ts, src/store/tokens.ts). */
export interface ApiTokensTable {
  id: string;
  name: string;
  role: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** One row per editorial write: who, what, when, which revision (src/store/audit.ts). */
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

/** Related stories (migration 0020): per-article features for candidate generation and scoring. */
export interface RelatedFeaturesTable {
  article_id: string;
  section_slug: string;
  published: string | null;
  /** Hash of the normalized headline and body: equal hashes are exact duplicates. */
  text_hash: string;
  /** MinHash signature of body shingles, comma-separated, for near-duplicates. */
  minhash: string;
  /** Number of distinct shingles the signature was made from, for containment estimates. */
  shingle_count: number;
  /** JSON {term: weight} of the article's strongest terms and entities. */
  terms: string;
  /** JSON array of every distinct term, so document frequencies can be undone on re-indexing. */
  all_terms: string;
}

/** Inverted index: distinctive term or entity → articles; candidates come from here. */
export interface RelatedPostingsTable {
  term: string;
  article_id: string;
  weight: number;
}

export interface RelatedTermDfTable {
  term: string;
  df: number;
}

/** Appended document-frequency changes not yet folded into `related_term_df` (see src/enrich/related/df.ts). */
export interface RelatedTermDfDeltaTable {
  term: string;
  delta: number;
}

/** Locality-sensitive hashing buckets of MinHash bands: articles sharing a bucket are near-duplicate candidates. */
export interface RelatedLshTable {
  bucket: string;
  article_id: string;
}

export interface RelatedLinksTable {
  article_id: string;
  related_id: string;
  score: number;
}

/** An editor's choice: `pin` or `exclude` another article as related; it wins over the computed list. */
export interface RelatedOverridesTable {
  article_id: string;
  other_id: string;
  action: "pin" | "exclude";
  created_at: string;
}

/** Both directions of every duplicate pair; `kind` is `exact` or `near`. */
export interface ArticleDuplicatesTable {
  article_id: string;
  duplicate_id: string;
  kind: "exact" | "near";
  similarity: number;
}

export interface ThreadArticlesTable {
  article_id: string;
  thread_id: string;
}

/** One unit of background work for one article (src/jobs); times are epoch milliseconds. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  article_id: string;
  /** queued → running → done; a failure waits as retry until run_at, or is parked after the last attempt. */
  state: "queued" | "retry" | "running" | "done" | "parked";
  attempts: Generated<number>;
  /** How many times the job finished; "done once" is countable as completions = 1. */
  completions: Generated<number>;
  max_attempts: number;
  run_at: number;
  /** A running job whose lease has passed belongs to a dead worker and may be claimed again. */
  lease_until: number | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** When the current (or last) attempt was claimed. */
  started_at: string | null;
}

/** A person who signs in to the desk (src/auth/users.ts); roles as for API tokens. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`; null until a password is set (one-time link users). */
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
}

/** A desk session; only sha256 of the cookie value is kept (src/auth/sessions.ts). */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  address: string | null;
}

export interface SignInLinksTable {
  token_hash: string;
  user_id: string;
  expires_at: string;
  used_at: string | null;
}

/** An uploaded image and its renditions (src/media/); `id` is the content hash. */
export interface MediaTable {
  id: string;
  original_name: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  /** JSON array of {name, format, width, height}. */
  renditions: string;
  created_at: string;
  created_by: string;
}

/** A journalist's fix to enrichment; applied after automatic enrichment, so it survives re-enrichment. */
export interface EditorialDecisionsTable {
  id: Generated<number>;
  article_id: string;
  /** `speaker` (subject: quote text), `remove-tag` / `add-tag` / `merge` (subject: person|organisation|place). */
  kind: string;
  subject: string;
  value: string;
  /** `merge`: the entity merged into `value` (0085). */
  merged: string | null;
  decided_by: string;
  decided_at: string;
}

export interface Database {
  articles: ArticlesTable;
  revisions: RevisionsTable;
  article_entities: ArticleEntitiesTable;
  article_quotes: ArticleQuotesTable;
  article_authors: ArticleAuthorsTable;
  site_settings: SiteSettingsTable;
  schema_migrations: SchemaMigrationsTable;
  related_features: RelatedFeaturesTable;
  related_postings: RelatedPostingsTable;
  related_term_df: RelatedTermDfTable;
  related_term_df_delta: RelatedTermDfDeltaTable;
  related_lsh: RelatedLshTable;
  related_links: RelatedLinksTable;
  related_overrides: RelatedOverridesTable;
  article_duplicates: ArticleDuplicatesTable;
  thread_articles: ThreadArticlesTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  article_schedule: ArticleScheduleTable;
  jobs: JobsTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_links: SignInLinksTable;
  media: MediaTable;
  editorial_decisions: EditorialDecisionsTable;
}
