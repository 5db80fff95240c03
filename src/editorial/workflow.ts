import type { Transaction } from "kysely";
import { roleAtLeast } from "../auth/roles.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { type Article, makeArticleId, parseArticle, slugify, ValidationError } from "../model/article.ts";
import { ConflictError, type SaveResult, saveArticleIn } from "../store/articles.ts";
import { editorialDecisionsRepository } from "../store/editorial-decisions.ts";
import type { Database } from "../store/schema.ts";
import type { Store } from "../store/store.ts";
import type { Actor } from "./actor.ts";
import { applyEnrichmentDecisions } from "./apply-decisions.ts";
import { recordAudit } from "./audit.ts";
import { ForbiddenError, NotFoundError, StateError } from "./errors.ts";
import { sanitizeArticleInput, sanitizeOrReject } from "./sanitize-input.ts";

/**
 * Every editorial write: load the article under a lock, check the role and the expected revision,
 * build the next document, save it as a new revision and record the audit row, all in one
 * transaction; then run the after-store work.
 */

export interface WriteResult {
  article: Article;
  revision: number;
  changed: boolean;
}

type Trx = Transaction<Database>;

/** Statuses a writer may still edit: nothing a reader can see. */
const WRITER_EDITABLE = new Set(["draft", "unpublished"]);
/** Fields only the workflow endpoints change; PUT and PATCH must leave them as they are. */
const WORKFLOW_FIELDS = ["status", "corrections"] as const;

export function requireRole(actor: Actor, needed: Actor["role"], what: string): void {
  if (!roleAtLeast(actor.role, needed)) throw new ForbiddenError(`${what} needs the ${needed} role`);
}

/** Sanitizes a body (see sanitize-input.ts); refused URLs are a ValidationError naming each field. */
export function sanitizeBody(input: unknown): unknown {
  return sanitizeOrReject(input);
}

/** Sanitizes, validates and enriches a body; ValidationError lists every bad field. */
export function cleanArticle(input: unknown): Article {
  return enrichArticle(parseArticle(sanitizeBody(input)));
}

async function loadForUpdate(trx: Trx, store: Store, id: string): Promise<{ article: Article; revision: number }> {
  let q = trx.selectFrom("articles").select(["doc", "revision"]).where("id", "=", id);
  // PostgreSQL: hold the row so two concurrent writers cannot both pass the revision check.
  if (store.engine === "postgres") q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(`no article ${id}`);
  // Documents stored before `corrections` existed read back without it.
  const doc = JSON.parse(row.doc) as Article;
  return { article: { ...doc, corrections: doc.corrections ?? [] }, revision: Number(row.revision) };
}

export interface WriteStep {
  actor: Actor;
  action: string;
  id: string;
  /** From If-Match; the write fails with ConflictError when the article is at another revision. */
  expectedRevision: number;
  now: Date;
  detail?: string;
  /** Returns the next document (or throws); may also touch other editorial tables in `trx`. */
  next(current: Article, trx: Trx): Article | Promise<Article>;
}

export async function writeArticle(store: Store, step: WriteStep): Promise<WriteResult> {
  const result = await store.db.transaction().execute(async (trx) => {
    const current = await loadForUpdate(trx, store, step.id);
    if (current.revision !== step.expectedRevision) throw new ConflictError(step.id, current.revision);
    const produced = await step.next(current.article, trx);
    // Journalists' fixes to enrichment (read after `next`, which may record one) win over enrichment.
    const decisions = await editorialDecisionsRepository(trx, store.engine).decisionsFor(step.id);
    const next = applyEnrichmentDecisions(produced, decisions);
    const saved = await saveArticleIn(trx, next, {
      author: step.actor.name,
      message: step.action,
      expectedRevision: current.revision,
    });
    await recordAudit(trx, {
      actor: step.actor,
      action: step.action,
      target: step.id,
      revision: saved.revision,
      detail: step.detail,
      at: step.now,
    });
    return { saved, next };
  });
  await afterArticlesStored(store, [step.id]);
  return stored(result.saved, result.next);
}

function stored(saved: SaveResult, doc: Article): WriteResult {
  return { article: { ...doc, slug: saved.slug }, revision: saved.revision, changed: saved.changed };
}

function fieldIssue(path: string, message: string): ValidationError {
  return new ValidationError(`article: ${path}: ${message}`, [{ path, message }]);
}

/** POST /api/articles: a new draft (or, for editors, a published article). */
export async function createArticle(store: Store, actor: Actor, body: unknown, now: Date): Promise<WriteResult> {
  requireRole(actor, "writer", "creating an article");
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw fieldIssue("(root)", "must be an object");
  const input = { ...(sanitizeBody(body) as Record<string, unknown>) };
  input.id ??= makeArticleId();
  if (input.slug === undefined && typeof input.headline === "string") input.slug = slugify(input.headline);
  input.status ??= "draft";
  if (input.status !== "draft" && input.status !== "published") {
    throw fieldIssue("status", "a new article is draft or published; schedule it with /schedule");
  }
  if (Array.isArray(input.corrections) && input.corrections.length > 0) {
    throw fieldIssue("corrections", "append corrections with POST /api/articles/:id/corrections");
  }
  if (input.status === "published") {
    requireRole(actor, "editor", "publishing");
    requirePublishable(input as Pick<Article, "blocks">);
    input.firstPublished ??= now.toISOString();
  }
  const article = cleanArticle(input);
  const result = await store.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("articles").select("id").where("id", "=", article.id).executeTakeFirst();
    if (exists) throw new StateError(`article ${article.id} already exists`);
    const saved = await saveArticleIn(trx, article, { author: actor.name, message: "create", expectedRevision: 0 });
    await recordAudit(trx, { actor, action: "create", target: article.id, revision: saved.revision, at: now });
    return saved;
  });
  await afterArticlesStored(store, [article.id]);
  return stored(result, article);
}

function checkWorkflowFields(body: Record<string, unknown>, current: Article): void {
  for (const field of WORKFLOW_FIELDS) {
    if (field in body && JSON.stringify(body[field]) !== JSON.stringify(current[field])) {
      throw fieldIssue(
        field,
        field === "status"
          ? "change it with /publish, /unpublish, /schedule or DELETE"
          : "append with POST /api/articles/:id/corrections",
      );
    }
  }
}

function requireEditable(actor: Actor, current: Article): void {
  if (!WRITER_EDITABLE.has(current.status)) requireRole(actor, "editor", `editing a ${current.status} article`);
}

/** PUT: the body replaces the article (workflow fields kept). */
export function replaceArticle(
  store: Store,
  actor: Actor,
  id: string,
  body: unknown,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "writer", "editing an article");
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw fieldIssue("(root)", "must be an object");
  const input = body as Record<string, unknown>;
  if ("id" in input && input.id !== id) throw fieldIssue("id", "must match the article in the URL");
  return writeArticle(store, {
    actor,
    action: "update",
    id,
    expectedRevision,
    now,
    next(current) {
      requireEditable(actor, current);
      checkWorkflowFields(input, current);
      // The slug is the article's address: kept unless the body names a new one.
      const slug = input.slug ?? current.slug;
      return cleanArticle({ ...input, id, slug, status: current.status, corrections: current.corrections });
    },
  });
}

/** RFC 7396 JSON merge patch: objects merge, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else
      Object.defineProperty(base, key, {
        value: mergePatch(base[key], value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return base;
}

/** PATCH: a JSON merge patch applied to the current document (workflow fields kept). */
export function patchArticle(
  store: Store,
  actor: Actor,
  id: string,
  patch: unknown,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "writer", "editing an article");
  if (patch === null || typeof patch !== "object" || Array.isArray(patch))
    throw fieldIssue("(root)", "must be an object");
  const input = patch as Record<string, unknown>;
  if ("id" in input && input.id !== id) throw fieldIssue("id", "must match the article in the URL");
  return writeArticle(store, {
    actor,
    action: "update",
    id,
    expectedRevision,
    now,
    next(current) {
      requireEditable(actor, current);
      checkWorkflowFields(input, current);
      const merged = mergePatch(current, input) as Record<string, unknown>;
      return cleanArticle({ ...merged, id, status: current.status, corrections: current.corrections });
    },
  });
}

/** Removes any pending schedule; returns the embargo still in force at `now`, if any. */
async function clearSchedule(trx: Trx, id: string, now: Date): Promise<string | null> {
  const row = await trx
    .selectFrom("article_schedule")
    .select(["embargo_until"])
    .where("article_id", "=", id)
    .executeTakeFirst();
  await trx.deleteFrom("article_schedule").where("article_id", "=", id).execute();
  return row?.embargo_until && Date.parse(row.embargo_until) > now.getTime() ? row.embargo_until : null;
}

function publishedCopy(current: Article, at: Date): Article {
  return { ...current, status: "published", firstPublished: current.firstPublished ?? at.toISOString() };
}

/** What a reader must get: every image has alt text. */
export function requirePublishable(article: Pick<Article, "blocks">): void {
  const blocks = Array.isArray(article.blocks) ? article.blocks : [];
  const issues = blocks.flatMap((b, i) =>
    b?.type === "image" && !(typeof b.alt === "string" && b.alt.trim())
      ? [{ path: `blocks[${i}].alt`, message: "an image needs alt text before the story is published" }]
      : [],
  );
  if (issues.length > 0) throw new ValidationError(`article: ${issues[0].path}: ${issues[0].message}`, issues);
}

function requireNotDeleted(current: Article): void {
  if (current.status === "deleted") throw new StateError("the article is deleted; restore it first");
}

/** Publishes now, or, under an embargo, schedules publication for the moment it lifts. */
export function publishArticle(
  store: Store,
  actor: Actor,
  id: string,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "publishing");
  return writeArticle(store, {
    actor,
    action: "publish",
    id,
    expectedRevision,
    now,
    async next(current, trx) {
      requireNotDeleted(current);
      requirePublishable(current);
      const embargo = await clearSchedule(trx, id, now);
      if (!embargo) return publishedCopy(current, now);
      await trx
        .insertInto("article_schedule")
        .values({ article_id: id, publish_at: now.toISOString(), embargo_until: embargo, requested_by: actor.name })
        .execute();
      return { ...current, status: "scheduled" };
    },
  });
}

export function unpublishArticle(
  store: Store,
  actor: Actor,
  id: string,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "unpublishing");
  return writeArticle(store, {
    actor,
    action: "unpublish",
    id,
    expectedRevision,
    now,
    async next(current, trx) {
      requireNotDeleted(current);
      const embargo = await clearSchedule(trx, id, now);
      if (embargo) {
        // Keep the embargo: it still binds any later publication.
        await trx
          .insertInto("article_schedule")
          .values({ article_id: id, publish_at: null, embargo_until: embargo, requested_by: actor.name })
          .execute();
      }
      return { ...current, status: "unpublished" };
    },
  });
}

export function parseTime(value: unknown, field: string): Date {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw fieldIssue(field, "must be an ISO 8601 date-time with a time zone, e.g. 2026-05-01T09:00:00Z");
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw fieldIssue(field, "is not a real date-time");
  return time;
}

/** Publication at `at` (the scheduler publishes it then; not before any embargo). */
export function scheduleArticle(
  store: Store,
  actor: Actor,
  id: string,
  at: Date,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "scheduling");
  return writeArticle(store, {
    actor,
    action: "schedule",
    id,
    expectedRevision,
    now,
    detail: `publish at ${at.toISOString()}`,
    async next(current, trx) {
      requireNotDeleted(current);
      if (current.status === "published") throw new StateError("the article is already published; unpublish it first");
      const embargo = await clearSchedule(trx, id, now);
      await trx
        .insertInto("article_schedule")
        .values({ article_id: id, publish_at: at.toISOString(), embargo_until: embargo, requested_by: actor.name })
        .execute();
      return { ...current, status: "scheduled" };
    },
  });
}

/**
 * Not visible before `until`: a published article is withdrawn until then and comes back on its own;
 * a draft or scheduled one cannot be published earlier.
 */
export function embargoArticle(
  store: Store,
  actor: Actor,
  id: string,
  until: Date,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "setting an embargo");
  return writeArticle(store, {
    actor,
    action: "embargo",
    id,
    expectedRevision,
    now,
    detail: `not before ${until.toISOString()}`,
    async next(current, trx) {
      requireNotDeleted(current);
      const pending = await trx
        .selectFrom("article_schedule")
        .select("publish_at")
        .where("article_id", "=", id)
        .executeTakeFirst();
      await trx.deleteFrom("article_schedule").where("article_id", "=", id).execute();
      const live = current.status === "published" || current.status === "scheduled";
      const publishAt = current.status === "published" ? now.toISOString() : (pending?.publish_at ?? null);
      await trx
        .insertInto("article_schedule")
        .values({
          article_id: id,
          publish_at: live ? publishAt : null,
          embargo_until: until.toISOString(),
          requested_by: actor.name,
        })
        .execute();
      return live ? { ...current, status: "scheduled" } : current;
    },
  });
}

/** Soft delete: the article disappears from the site; every revision stays and it can be restored. */
export function deleteArticle(
  store: Store,
  actor: Actor,
  id: string,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "deleting");
  return writeArticle(store, {
    actor,
    action: "delete",
    id,
    expectedRevision,
    now,
    async next(current, trx) {
      if (current.status === "deleted") throw new StateError("the article is already deleted");
      await trx.deleteFrom("article_schedule").where("article_id", "=", id).execute();
      return { ...current, status: "deleted" };
    },
  });
}

/** Undoes a soft delete: back to the status it had before (a lost schedule becomes a draft). */
export function undeleteArticle(
  store: Store,
  actor: Actor,
  id: string,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "restoring");
  return writeArticle(store, {
    actor,
    action: "restore",
    id,
    expectedRevision,
    now,
    async next(current, trx) {
      if (current.status !== "deleted") throw new StateError("the article is not deleted");
      const rows = await trx
        .selectFrom("revisions")
        .select("doc")
        .where("article_id", "=", id)
        .orderBy("revision", "desc")
        .execute();
      const before = rows.map((r) => (JSON.parse(r.doc) as Article).status).find((s) => s !== "deleted") ?? "draft";
      return { ...current, status: before === "scheduled" ? "draft" : before };
    },
  });
}

/** A new revision with an old revision's content; status, slug and corrections stay as they are now. */
export function restoreRevision(
  store: Store,
  actor: Actor,
  id: string,
  revision: number,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "restoring a revision");
  return writeArticle(store, {
    actor,
    action: "restore-revision",
    id,
    expectedRevision,
    now,
    detail: `from revision ${revision}`,
    async next(current, trx) {
      requireNotDeleted(current);
      const row = await trx
        .selectFrom("revisions")
        .select("doc")
        .where("article_id", "=", id)
        .where("revision", "=", revision)
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`article ${id} has no revision ${revision}`);
      const old = JSON.parse(row.doc) as Article;
      return parseArticle({
        ...old,
        slug: current.slug,
        status: current.status,
        firstPublished: current.firstPublished,
        corrections: current.corrections,
      });
    },
  });
}

/** Appends a correction notice, dated now; the article's `updated` moves to now. */
export function addCorrection(
  store: Store,
  actor: Actor,
  id: string,
  body: unknown,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, "editor", "adding a correction");
  const text = (body as { text?: unknown } | null)?.text;
  if (typeof text !== "string") throw fieldIssue("text", "must be a string");
  const clean = (sanitizeArticleInput({ text }).value as { text: string }).text;
  return writeArticle(store, {
    actor,
    action: "correction",
    id,
    expectedRevision,
    now,
    next(current) {
      requireNotDeleted(current);
      const at = now.toISOString();
      try {
        return parseArticle({ ...current, updated: at, corrections: [...current.corrections, { text: clean, at }] });
      } catch (error) {
        if (error instanceof ValidationError) {
          const issues = error.issues.map((i) => ({ ...i, path: i.path.replace(/^corrections\[\d+\]\./, "") }));
          throw new ValidationError(error.message, issues);
        }
        throw error;
      }
    },
  });
}
