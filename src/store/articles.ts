import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { type Article, articleText, authorTag, entityTag, parseArticle, sectionSlug } from "../model/article.ts";
import { type Db, inTransaction } from "./db.ts";
import type {
  ArticleAuthorsTable,
  ArticleEntitiesTable,
  ArticleQuotesTable,
  ArticlesTable,
  Database,
  RevisionsTable,
} from "./schema.ts";
import { type Engine, type Repositories, StoreError } from "./store.ts";

export interface StoredArticle {
  article: Article;
  revision: number;
  createdAt: string;
  modifiedAt: string;
}

export interface SaveOptions {
  author?: string;
  message?: string;
  /** Optimistic concurrency: fail when the stored revision is not this one. */
  expectedRevision?: number;
  /** Hash of the source bytes, for duplicate detection on import. */
  contentHash?: string;
  /**
   * An import updating a stored article: the stored status, first publication, corrections and
   * slug win over the incoming document's, so a re-import never undoes an editor's decision.
   */
  keepEditorialState?: boolean;
}

export interface SaveResult {
  id: string;
  slug: string;
  revision: number;
  created: boolean;
  /** False when the document was identical to the stored one: no new revision was made. */
  changed: boolean;
}

export class ConflictError extends StoreError {
  constructor(
    readonly id: string,
    readonly currentRevision: number,
  ) {
    super(`article ${id} is at revision ${currentRevision}`);
    this.name = "ConflictError";
  }
}

export function documentHash(article: Article): string {
  return createHash("sha256").update(JSON.stringify(article)).digest("hex");
}

/** The slug an article gets when another article owns the one it asks for. */
function suffixedSlug(slug: string, id: string): string {
  return `${slug}-${id
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")}`;
}

/**
 * The slugs an article may get when another owns the one it asks for, in order: the short id
 * suffix, the whole id, then numbered. Ids may share their first 8 characters, so the short
 * suffix alone could collide (a UNIQUE violation, a 500).
 */
function* slugCandidates(slug: string, id: string): Generator<string> {
  yield suffixedSlug(slug, id);
  const whole = `${slug}-${id.toLowerCase().replace(/[^a-z0-9]/g, "0")}`;
  yield whole;
  for (let n = 2; ; n++) yield `${whole}-${n}`;
}

/** Whether `stored` is one of the slugs slugCandidates gives this article for `slug`. */
function isOwnSuffix(stored: string, slug: string, id: string): boolean {
  const whole = `${slug}-${id.toLowerCase().replace(/[^a-z0-9]/g, "0")}`;
  return (
    stored === suffixedSlug(slug, id) ||
    stored === whole ||
    (stored.startsWith(whole) && /^-\d+$/.test(stored.slice(whole.length)))
  );
}

async function slugOwner(db: Db, slug: string): Promise<string | undefined> {
  return (await db.selectFrom("articles").select("id").where("slug", "=", slug).executeTakeFirst())?.id;
}

/** `slug` if free (or this article's), else the first free candidate; `taken` adds slugs not yet stored. */
async function freeSlug(db: Db, slug: string, id: string, taken?: Map<string, string>): Promise<string> {
  const ownerOf = async (s: string) => taken?.get(s) ?? (await slugOwner(db, s));
  const owner = await ownerOf(slug);
  if (!owner || owner === id) return slug;
  for (const candidate of slugCandidates(slug, id)) {
    const o = await ownerOf(candidate);
    if (!o || o === id) return candidate;
  }
  throw new Error("unreachable");
}

/** The entity and quote rows an article's document implies. */
function derivedRows(a: Article): {
  entities: ArticleEntitiesTable[];
  quotes: ArticleQuotesTable[];
  authors: ArticleAuthorsTable[];
} {
  const entities = new Map<string, ArticleEntitiesTable>();
  for (const [kind, list] of [
    ["person", a.people],
    ["organisation", a.organisations],
    ["place", a.places],
  ] as const) {
    for (const e of list) {
      const tag = entityTag(e.name);
      if (tag && !entities.has(`${kind}:${tag}`))
        entities.set(`${kind}:${tag}`, {
          article_id: a.id,
          kind,
          tag,
          name: e.name,
          aliases: JSON.stringify(e.aliases),
        });
    }
  }
  const quotes = a.quotes.map((q, ordinal) => ({
    article_id: a.id,
    ordinal,
    speaker_tag: q.speaker ? entityTag(q.speaker) : null,
    speaker: q.speaker,
    text: q.text,
    type: q.type,
    published: a.firstPublished,
  }));
  const authors = a.byline.flatMap((p, ordinal) => {
    const tag = authorTag(p.name);
    return tag ? [{ article_id: a.id, ordinal, tag, name: p.name }] : [];
  });
  return { entities: [...entities.values()], quotes, authors };
}

async function writeDerivedRows(db: Db, a: Article, replace: boolean): Promise<void> {
  // A new article cannot have derived rows yet (they reference articles.id), so nothing to delete.
  if (replace) {
    await db.deleteFrom("article_entities").where("article_id", "=", a.id).execute();
    await db.deleteFrom("article_quotes").where("article_id", "=", a.id).execute();
    await db.deleteFrom("article_authors").where("article_id", "=", a.id).execute();
  }
  const { entities, quotes, authors } = derivedRows(a);
  // In chunks: one multi-row INSERT of thousands of quotes passes the engines' bound-parameter limits.
  await insertInChunks(entities, (rows) => db.insertInto("article_entities").values(rows).execute());
  await insertInChunks(quotes, (rows) => db.insertInto("article_quotes").values(rows).execute());
  await insertInChunks(authors, (rows) => db.insertInto("article_authors").values(rows).execute());
}

/** `incoming` with the stored document's editorial state (see SaveOptions.keepEditorialState). */
function withEditorialState(incoming: Article, storedDoc: string): Article {
  const stored = decodeArticle(storedDoc, `article ${incoming.id}`);
  return {
    ...incoming,
    slug: stored.slug,
    status: stored.status,
    firstPublished: stored.firstPublished,
    corrections: stored.corrections,
  };
}

/** The most text of one article the search index and related stories see (longer than any real story). */
export const MAX_INDEXED_CHARS = 100_000;

/** The columns of `articles` copied from the document for indexes and search; `check` compares them. */
export const INDEXED_COLUMNS = [
  "slug",
  "section",
  "section_slug",
  "headline",
  "summary",
  "status",
  "language",
  "first_published",
  "updated",
  "body_text",
] as const satisfies readonly (keyof ArticlesTable)[];

/** Their values for one document; the return type makes the compiler hold this to INDEXED_COLUMNS. */
export function indexedColumns(stored: Article): Pick<ArticlesTable, (typeof INDEXED_COLUMNS)[number]> {
  return {
    slug: stored.slug,
    section: stored.section,
    section_slug: sectionSlug(stored.section),
    headline: stored.headline,
    summary: stored.summary,
    status: stored.status,
    language: stored.language,
    first_published: stored.firstPublished,
    updated: stored.updated,
    // Bounded: the search index, related terms and snippets all work on this column, and a hostile
    // body of a megabyte would cost each of them (and PostgreSQL's tsvector) far more than any story.
    body_text: articleText(stored).slice(0, MAX_INDEXED_CHARS),
  };
}

function articleRow(
  stored: Article,
  doc: string,
  revision: number,
  contentHash: string | undefined,
  createdAt: string,
  now: string,
): ArticlesTable {
  return {
    id: stored.id,
    ...indexedColumns(stored),
    revision,
    content_hash: contentHash ?? stored.origin?.contentHash ?? null,
    doc,
    created_at: createdAt,
    modified_at: now,
  };
}

function revisionRow(
  stored: Article,
  doc: string,
  revision: number,
  options: SaveOptions,
  now: string,
): RevisionsTable {
  return {
    article_id: stored.id,
    revision,
    doc,
    created_at: now,
    author: options.author ?? null,
    message: options.message ?? null,
  };
}

async function saveIn(db: Db, incoming: Article, options: SaveOptions): Promise<SaveResult> {
  const now = new Date().toISOString();
  const existing = await db
    .selectFrom("articles")
    .select(["revision", "doc", "slug", "created_at"])
    .where("id", "=", incoming.id)
    .executeTakeFirst();
  if (options.expectedRevision !== undefined && (existing?.revision ?? 0) !== options.expectedRevision) {
    throw new ConflictError(incoming.id, existing?.revision ?? 0);
  }
  const article = existing && options.keepEditorialState ? withEditorialState(incoming, existing.doc) : incoming;
  const doc = JSON.stringify(article);
  if (existing && existing.doc === doc) {
    return { id: article.id, slug: existing.slug, revision: existing.revision, created: false, changed: false };
  }
  // Kept when it is the asked-for slug or that slug suffixed for this article (freeSlug's answer
  // before); any other slug is a new address (a prefix test kept "concurrency-test-story" for "concurrency").
  const keep =
    existing &&
    (existing.slug === article.slug ||
      (existing.slug.startsWith(`${article.slug}-`) && isOwnSuffix(existing.slug, article.slug, article.id)));
  const slug = keep ? existing.slug : await freeSlug(db, article.slug, article.id);
  const stored = slug === article.slug ? article : { ...article, slug };
  const storedDoc = slug === article.slug ? doc : JSON.stringify(stored);
  const revision = (existing?.revision ?? 0) + 1;
  const row = articleRow(stored, storedDoc, revision, options.contentHash, existing?.created_at ?? now, now);
  if (existing) {
    const { id, created_at, ...changes } = row;
    await db.updateTable("articles").set(changes).where("id", "=", id).execute();
  } else {
    await db.insertInto("articles").values(row).execute();
  }
  await db
    .insertInto("revisions")
    .values(revisionRow(stored, storedDoc, revision, options, now))
    .execute();
  await writeDerivedRows(db, stored, existing !== undefined);
  return { id: stored.id, slug, revision, created: !existing, changed: true };
}

/**
 * Rows per multi-row INSERT, a power of two; a remainder goes in power-of-two pieces, so a table
 * sees at most a dozen statement shapes (the SQLite statement cache keys on the SQL text). 512 rows
 * of 16 columns stay far below both engines' bound-parameter limits.
 */
const MAX_ROWS_PER_INSERT = 512;

/** Runs `insert` on consecutive chunks of `rows` (see MAX_ROWS_PER_INSERT). */
async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  let at = 0;
  while (at < rows.length) {
    let n = MAX_ROWS_PER_INSERT;
    while (n > rows.length - at) n >>= 1;
    await insert(rows.slice(at, at + n));
    at += n;
  }
}

const LOOKUP_CHUNK = 500;

/** Which of these values some article already has in `column`, mapped to that article's id. */
async function ownersOf(db: Db, column: "id" | "slug", values: string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "slug"])
      .where(column, "in", unique.slice(i, i + LOOKUP_CHUNK))
      .execute();
    for (const r of rows) owners.set(r[column], r.id);
  }
  return owners;
}

/**
 * Stores validated articles in order, in the caller's transaction, with the same outcome as
 * saveIn one by one. New articles (the whole of a fresh import) skip the per-row lookups: ids and
 * slugs of the batch are checked in two queries, and their rows go in as multi-row INSERTs, which
 * on SQLite also lets FTS5 index a chunk per statement instead of flushing after every row.
 * Anything else (an update, an id seen earlier in the batch, an expected revision) goes through saveIn.
 */
async function saveBatch(db: Db, items: { article: Article; options: SaveOptions }[]): Promise<SaveResult[]> {
  const results: SaveResult[] = [];
  const existing = await ownersOf(
    db,
    "id",
    items.map((i) => i.article.id),
  );
  let slugOwners: Map<string, string> | undefined;
  const seen = new Set<string>();
  let pending: { articles: ArticlesTable[]; revisions: RevisionsTable[]; derived: Article[] } = {
    articles: [],
    revisions: [],
    derived: [],
  };
  const flush = async () => {
    if (pending.articles.length === 0) return;
    const derived = pending.derived.map(derivedRows);
    await insertInChunks(pending.articles, (rows) => db.insertInto("articles").values(rows).execute());
    await insertInChunks(pending.revisions, (rows) => db.insertInto("revisions").values(rows).execute());
    await insertInChunks(
      derived.flatMap((d) => d.entities),
      (rows) => db.insertInto("article_entities").values(rows).execute(),
    );
    await insertInChunks(
      derived.flatMap((d) => d.quotes),
      (rows) => db.insertInto("article_quotes").values(rows).execute(),
    );
    await insertInChunks(
      derived.flatMap((d) => d.authors),
      (rows) => db.insertInto("article_authors").values(rows).execute(),
    );
    pending = { articles: [], revisions: [], derived: [] };
  };
  for (let i = 0; i < items.length; i++) {
    const { article, options } = items[i];
    const isNew = !existing.has(article.id) && !seen.has(article.id);
    seen.add(article.id);
    if (!isNew || (options.expectedRevision ?? 0) !== 0) {
      await flush();
      results.push(await saveIn(db, article, options));
      // It may have taken or given up a slug: look them up afresh for the articles after it.
      slugOwners = undefined;
      continue;
    }
    slugOwners ??= await ownersOf(
      db,
      "slug",
      items.slice(i).map((it) => it.article.slug),
    );
    // As freeSlug: a slug owned by another article gets this article's id appended.
    const slug = slugOwners.has(article.slug) ? await freeSlug(db, article.slug, article.id, slugOwners) : article.slug;
    slugOwners.set(slug, article.id);
    const stored = slug === article.slug ? article : { ...article, slug };
    const doc = JSON.stringify(stored);
    const now = new Date().toISOString();
    pending.articles.push(articleRow(stored, doc, 1, options.contentHash, now, now));
    pending.revisions.push(revisionRow(stored, doc, 1, options, now));
    pending.derived.push(stored);
    results.push({ id: stored.id, slug, revision: 1, created: true, changed: true });
  }
  await flush();
  return results;
}

/**
 * The one document decoder: every stored document read back goes through the article schema,
 * whose defaults upgrade documents written before a field existed (corrections, figures, …).
 */
export function decodeArticle(doc: string, where = "stored article"): Article {
  let raw: unknown;
  try {
    raw = JSON.parse(doc);
  } catch (error) {
    throw new StoreError(`${where}: the stored document is not JSON (${(error as Error).message})`);
  }
  try {
    return parseArticle(raw, where);
  } catch (error) {
    throw new StoreError(
      `${where}: the stored document does not match the article schema (${(error as Error).message})`,
    );
  }
}

function toStored(row: { doc: string; revision: number; created_at: string; modified_at: string }): StoredArticle {
  return {
    article: decodeArticle(row.doc),
    revision: row.revision,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

export interface ListOptions {
  section?: string;
  status?: string | null;
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  section: string;
  sectionSlug: string;
  headline: string;
  summary: string;
  firstPublished: string | null;
  updated: string | null;
  revision: number;
}

/** The summary of an `articles` row; for every query that lists articles. */
export function toArticleSummary(
  r: Pick<
    ArticlesTable,
    "id" | "slug" | "section" | "section_slug" | "headline" | "summary" | "first_published" | "updated" | "revision"
  >,
): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    section: r.section,
    sectionSlug: r.section_slug,
    headline: r.headline,
    summary: r.summary,
    firstPublished: r.first_published,
    updated: r.updated,
    revision: r.revision,
  };
}

/** The columns toArticleSummary reads. */
export const SUMMARY_COLUMNS = [
  "id",
  "slug",
  "section",
  "section_slug",
  "headline",
  "summary",
  "first_published",
  "updated",
  "revision",
] as const;

export interface RevisionInfo {
  revision: number;
  createdAt: string;
  author: string | null;
  message: string | null;
}

export interface ArticleRepository {
  /**
   * The one save path: validates (unless `validated`, for parseArticle's unchanged output) and
   * stores articles in order, all or none; a changed document becomes a new revision, history kept.
   */
  saveMany(items: { article: unknown; options?: SaveOptions }[]): Promise<SaveResult[]>;
  /** saveMany for parseArticle's output, unchanged since: stored without validating it again. */
  saveValidated(items: { article: Article; options?: SaveOptions }[]): Promise<SaveResult[]>;
  /** saveMany for one article. */
  save(input: unknown, options?: SaveOptions): Promise<SaveResult>;
  /** An article by id or else by slug (an id wins), with its current revision number. */
  get(idOrSlug: string): Promise<StoredArticle | null>;
  /** The article at this slug; what reader pages use, so an id can never shadow a slug. */
  getBySlug(slug: string): Promise<StoredArticle | null>;
  /** Like get, locking the row until the transaction ends where the engine can (PostgreSQL). */
  getForUpdate(id: string): Promise<StoredArticle | null>;
  exists(id: string): Promise<boolean>;
  findByContentHash(hash: string): Promise<{ id: string; path?: string } | null>;
  /** Newest first; published only unless `status: null` asks for every status. */
  list(options?: ListOptions): Promise<ArticleSummary[]>;
  count(status?: string | null): Promise<number>;
  /** Every article, in a stable order, in pages; for export and migration. */
  all(pageSize?: number): AsyncGenerator<StoredArticle>;
  /** Ids of articles after `after` (exclusive), in id order. */
  idsAfter(after: string, limit: number, where?: { status?: string }): Promise<string[]>;
  revisions(id: string): Promise<RevisionInfo[]>;
  revision(id: string, revision: number): Promise<Article | null>;
  /** Documents of an article's revisions, newest first. */
  revisionDocuments(id: string, limit?: number): Promise<{ revision: number; article: Article }[]>;
}

export function articleRepository(db: Db, engine: Engine): ArticleRepository {
  const select = () => db.selectFrom("articles").select(["doc", "revision", "created_at", "modified_at"]);
  const repo: ArticleRepository = {
    async saveMany(inputs) {
      return repo.saveValidated(inputs.map(({ article, options }) => ({ article: parseArticle(article), options })));
    },
    async saveValidated(inputs) {
      const items = inputs.map(({ article, options }) => ({ article, options: options ?? {} }));
      return inTransaction(db, (trx) => saveBatch(trx, items));
    },
    async save(input, options = {}) {
      return (await repo.saveMany([{ article: input, options }]))[0];
    },
    async get(idOrSlug) {
      // Id first: `id = ? OR slug = ?` let whichever row the engine met first answer.
      const row =
        (await select().where("id", "=", idOrSlug).executeTakeFirst()) ??
        (await select().where("slug", "=", idOrSlug).executeTakeFirst());
      return row ? toStored(row) : null;
    },
    async getBySlug(slug) {
      const row = await select().where("slug", "=", slug).executeTakeFirst();
      return row ? toStored(row) : null;
    },
    async getForUpdate(id) {
      let q = select().where("id", "=", id);
      // SQLite's write transaction already serialises writers; PostgreSQL needs the row lock.
      if (engine === "postgres") q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? toStored(row) : null;
    },
    async exists(id) {
      return (await db.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
    },
    async findByContentHash(hash) {
      const row = await db
        .selectFrom("articles")
        .select(["id", "doc"])
        .where("content_hash", "=", hash)
        .executeTakeFirst();
      if (!row) return null;
      return { id: row.id, path: decodeArticle(row.doc, `article ${row.id}`).origin?.path };
    },
    async list(options = {}) {
      let q = db.selectFrom("articles").select(SUMMARY_COLUMNS);
      const status = options.status === undefined ? "published" : options.status;
      if (status !== null) q = q.where("status", "=", status);
      if (options.section) q = q.where("section_slug", "=", sectionSlug(options.section));
      const rows = await q
        .orderBy("first_published", "desc")
        .orderBy("id")
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0)
        .execute();
      return rows.map(toArticleSummary);
    },
    async count(status = null) {
      let q = db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
      if (status !== null) q = q.where("status", "=", status);
      const row = await q.executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async *all(pageSize = 500) {
      let after = "";
      for (;;) {
        const rows = await db
          .selectFrom("articles")
          .select(["id", "doc", "revision", "created_at", "modified_at"])
          .where("id", ">", after)
          .orderBy("id")
          .limit(pageSize)
          .execute();
        for (const r of rows) yield toStored(r);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].id;
      }
    },
    async idsAfter(after, limit, where = {}) {
      let q = db.selectFrom("articles").select("id").where("id", ">", after);
      if (where.status) q = q.where("status", "=", where.status);
      return (await q.orderBy("id").limit(limit).execute()).map((r) => r.id);
    },
    async revisions(id) {
      const rows = await db
        .selectFrom("revisions")
        .select(["revision", "created_at", "author", "message"])
        .where("article_id", "=", id)
        .orderBy("revision", "desc")
        .execute();
      return rows.map((r) => ({ revision: r.revision, createdAt: r.created_at, author: r.author, message: r.message }));
    },
    async revision(id, revision) {
      const row = await db
        .selectFrom("revisions")
        .select("doc")
        .where("article_id", "=", id)
        .where("revision", "=", revision)
        .executeTakeFirst();
      return row ? decodeArticle(row.doc, `article ${id} revision ${revision}`) : null;
    },
    async revisionDocuments(id, limit) {
      let q = db
        .selectFrom("revisions")
        .select(["revision", "doc"])
        .where("article_id", "=", id)
        .orderBy("revision", "desc");
      if (limit !== undefined) q = q.limit(limit);
      const rows = await q.execute();
      return rows.map((r) => ({
        revision: r.revision,
        article: decodeArticle(r.doc, `article ${id} revision ${r.revision}`),
      }));
    },
  };
  return repo;
}

// The functions below are the store's articles API as callers and the README name it; each is
// the repository method of the same meaning.

/** Validates and stores an article; a changed document becomes a new revision, history kept. */
export async function saveArticle(store: Repositories, input: unknown, options: SaveOptions = {}): Promise<SaveResult> {
  return store.articles.save(input, options);
}

/** Validates and stores many articles in one transaction: all or none. */
export async function saveArticles(
  store: Repositories,
  inputs: { article: unknown; options?: SaveOptions }[],
): Promise<SaveResult[]> {
  return store.articles.saveMany(inputs);
}

/**
 * saveArticles for articles that are already parseArticle's output, unchanged since (the import
 * pipeline validates every article after enrichment): stored without validating them again.
 */
export async function saveValidatedArticles(
  store: Repositories,
  items: { article: Article; options?: SaveOptions }[],
): Promise<SaveResult[]> {
  return store.articles.saveValidated(items);
}

/** An article by id or slug, with its current revision number. */
export async function getArticle(store: Repositories, idOrSlug: string): Promise<StoredArticle | null> {
  return store.articles.get(idOrSlug);
}

export async function findByContentHash(
  store: Repositories,
  hash: string,
): Promise<{ id: string; path?: string } | null> {
  return store.articles.findByContentHash(hash);
}

/** Newest first; published only unless `status: null` asks for every status. */
export async function listArticles(store: Repositories, options: ListOptions = {}): Promise<ArticleSummary[]> {
  return store.articles.list(options);
}

export async function countArticles(store: Repositories, status: string | null = null): Promise<number> {
  return store.articles.count(status);
}

/** Every article, in a stable order, in pages; for export and migration. */
export function allArticles(store: Repositories, pageSize = 500): AsyncGenerator<StoredArticle> {
  return store.articles.all(pageSize);
}

export async function listRevisions(store: Repositories, id: string): Promise<RevisionInfo[]> {
  return store.articles.revisions(id);
}

export async function getRevision(store: Repositories, id: string, revision: number): Promise<Article | null> {
  return store.articles.revision(id, revision);
}

/** saveArticle inside a caller's transaction, so an editorial write and its audit row commit together. */
export function saveArticleIn(
  trx: Transaction<Database>,
  input: unknown,
  options: SaveOptions = {},
): Promise<SaveResult> {
  return articleRepository(trx, "sqlite").save(input, options);
}
