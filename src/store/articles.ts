import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { type Article, articleText, entityTag, parseArticle, sectionSlug } from "../model/article.ts";
import type { ArticlesTable, Database } from "./schema.ts";
import { type Store, StoreError } from "./store.ts";

type Db = Kysely<Database> | Transaction<Database>;

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

async function freeSlug(db: Db, slug: string, id: string): Promise<string> {
  const owner = await db.selectFrom("articles").select("id").where("slug", "=", slug).executeTakeFirst();
  if (!owner || owner.id === id) return slug;
  return `${slug}-${id
    .slice(0, 8)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")}`;
}

async function writeDerivedRows(db: Db, a: Article): Promise<void> {
  await db.deleteFrom("article_entities").where("article_id", "=", a.id).execute();
  await db.deleteFrom("article_quotes").where("article_id", "=", a.id).execute();
  const entities = new Map<string, { kind: "person" | "organisation" | "place"; name: string; aliases: string[] }>();
  for (const [kind, list] of [
    ["person", a.people],
    ["organisation", a.organisations],
    ["place", a.places],
  ] as const) {
    for (const e of list) {
      const tag = entityTag(e.name);
      if (tag && !entities.has(`${kind}:${tag}`))
        entities.set(`${kind}:${tag}`, { kind, name: e.name, aliases: e.aliases });
    }
  }
  if (entities.size > 0) {
    await db
      .insertInto("article_entities")
      .values(
        [...entities.entries()].map(([key, e]) => ({
          article_id: a.id,
          kind: e.kind,
          tag: key.slice(key.indexOf(":") + 1),
          name: e.name,
          aliases: JSON.stringify(e.aliases),
        })),
      )
      .execute();
  }
  if (a.quotes.length > 0) {
    await db
      .insertInto("article_quotes")
      .values(
        a.quotes.map((q, ordinal) => ({
          article_id: a.id,
          ordinal,
          speaker_tag: q.speaker ? entityTag(q.speaker) : null,
          speaker: q.speaker,
          text: q.text,
          type: q.type,
          published: a.firstPublished,
        })),
      )
      .execute();
  }
}

async function saveIn(db: Db, input: unknown, options: SaveOptions): Promise<SaveResult> {
  const article = parseArticle(input);
  const now = new Date().toISOString();
  const doc = JSON.stringify(article);
  const existing = await db
    .selectFrom("articles")
    .select(["revision", "doc", "slug", "created_at"])
    .where("id", "=", article.id)
    .executeTakeFirst();
  if (options.expectedRevision !== undefined && (existing?.revision ?? 0) !== options.expectedRevision) {
    throw new ConflictError(article.id, existing?.revision ?? 0);
  }
  if (existing && existing.doc === doc) {
    return { id: article.id, slug: existing.slug, revision: existing.revision, created: false, changed: false };
  }
  const slug = existing?.slug.startsWith(article.slug) ? existing.slug : await freeSlug(db, article.slug, article.id);
  const stored = slug === article.slug ? article : { ...article, slug };
  const storedDoc = slug === article.slug ? doc : JSON.stringify(stored);
  const revision = (existing?.revision ?? 0) + 1;
  const row: ArticlesTable = {
    id: stored.id,
    slug,
    section: stored.section,
    section_slug: sectionSlug(stored.section),
    headline: stored.headline,
    summary: stored.summary,
    status: stored.status,
    language: stored.language,
    first_published: stored.firstPublished,
    updated: stored.updated,
    revision,
    content_hash: options.contentHash ?? stored.origin?.contentHash ?? null,
    body_text: articleText(stored),
    doc: storedDoc,
    created_at: existing?.created_at ?? now,
    modified_at: now,
  };
  if (existing) {
    const { id, created_at, ...changes } = row;
    await db.updateTable("articles").set(changes).where("id", "=", id).execute();
  } else {
    await db.insertInto("articles").values(row).execute();
  }
  await db
    .insertInto("revisions")
    .values({
      article_id: stored.id,
      revision,
      doc: storedDoc,
      created_at: now,
      author: options.author ?? null,
      message: options.message ?? null,
    })
    .execute();
  await writeDerivedRows(db, stored);
  return { id: stored.id, slug, revision, created: !existing, changed: true };
}

/** Validates and stores an article; a changed document becomes a new revision, history kept. */
export async function saveArticle(store: Store, input: unknown, options: SaveOptions = {}): Promise<SaveResult> {
  return store.db.transaction().execute((trx) => saveIn(trx, input, options));
}

/** Stores many articles in one transaction: all or none. */
export async function saveArticles(
  store: Store,
  inputs: { article: unknown; options?: SaveOptions }[],
): Promise<SaveResult[]> {
  return store.db.transaction().execute(async (trx) => {
    const results: SaveResult[] = [];
    for (const { article, options } of inputs) results.push(await saveIn(trx, article, options ?? {}));
    return results;
  });
}

function toStored(row: { doc: string; revision: number; created_at: string; modified_at: string }): StoredArticle {
  return {
    article: JSON.parse(row.doc) as Article,
    revision: row.revision,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

/** An article by id or slug, with its current revision number. */
export async function getArticle(store: Store, idOrSlug: string): Promise<StoredArticle | null> {
  const row = await store.db
    .selectFrom("articles")
    .select(["doc", "revision", "created_at", "modified_at"])
    .where((eb) => eb.or([eb("id", "=", idOrSlug), eb("slug", "=", idOrSlug)]))
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function findByContentHash(store: Store, hash: string): Promise<{ id: string; path?: string } | null> {
  const row = await store.db
    .selectFrom("articles")
    .select(["id", "doc"])
    .where("content_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return null;
  const doc = JSON.parse(row.doc) as Article;
  return { id: row.id, path: doc.origin?.path };
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

/** Newest first; published only unless `status: null` asks for every status. */
export async function listArticles(store: Store, options: ListOptions = {}): Promise<ArticleSummary[]> {
  let q = store.db
    .selectFrom("articles")
    .select(["id", "slug", "section", "section_slug", "headline", "summary", "first_published", "updated", "revision"]);
  const status = options.status === undefined ? "published" : options.status;
  if (status !== null) q = q.where("status", "=", status);
  if (options.section) q = q.where("section_slug", "=", sectionSlug(options.section));
  const rows = await q
    .orderBy("first_published", "desc")
    .orderBy("id")
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    section: r.section,
    sectionSlug: r.section_slug,
    headline: r.headline,
    summary: r.summary,
    firstPublished: r.first_published,
    updated: r.updated,
    revision: r.revision,
  }));
}

export async function countArticles(store: Store, status: string | null = null): Promise<number> {
  let q = store.db.selectFrom("articles").select((eb) => eb.fn.countAll<number>().as("n"));
  if (status !== null) q = q.where("status", "=", status);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every article, in a stable order, in pages; for export and migration. */
export async function* allArticles(store: Store, pageSize = 500): AsyncGenerator<StoredArticle> {
  let after = "";
  for (;;) {
    const rows = await store.db
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
}

export interface RevisionInfo {
  revision: number;
  createdAt: string;
  author: string | null;
  message: string | null;
}

export async function listRevisions(store: Store, id: string): Promise<RevisionInfo[]> {
  const rows = await store.db
    .selectFrom("revisions")
    .select(["revision", "created_at", "author", "message"])
    .where("article_id", "=", id)
    .orderBy("revision", "desc")
    .execute();
  return rows.map((r) => ({ revision: r.revision, createdAt: r.created_at, author: r.author, message: r.message }));
}

export async function getRevision(store: Store, id: string, revision: number): Promise<Article | null> {
  const row = await store.db
    .selectFrom("revisions")
    .select("doc")
    .where("article_id", "=", id)
    .where("revision", "=", revision)
    .executeTakeFirst();
  return row ? (JSON.parse(row.doc) as Article) : null;
}

/** saveArticle inside a caller's transaction, so an editorial write and its audit row commit together. */
export function saveArticleIn(
  trx: Transaction<Database>,
  input: unknown,
  options: SaveOptions = {},
): Promise<SaveResult> {
  return saveIn(trx, input, options);
}
