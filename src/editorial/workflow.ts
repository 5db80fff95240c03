import { blockText } from "../blocks/text.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { type Article, makeArticleId, parseArticle, slugify, ValidationError } from "../model/article.ts";
import { ConflictError } from "../store/articles.ts";
import type { AuditRepository } from "../store/audit.ts";
import type { EditorialDecision } from "../store/editorial-decisions.ts";
import type { ScheduleRepository } from "../store/schedule.ts";
import type { Repositories, Store } from "../store/store.ts";
import type { Actor } from "./actor.ts";
import { applyEnrichmentDecisions } from "./apply-decisions.ts";
import { cleanArticle, cleanArticleAsync, enrichArticleAsync } from "./clean.ts";
import { NotFoundError, StateError } from "./errors.ts";
import { sanitizeArticleInput, sanitizeOrReject } from "./sanitize-input.ts";
import { type Action, allowedTransition, type Status, targetStatus } from "./transitions.ts";

/**
 * Every editorial write is one row of TRANSITIONS (transitions.ts) applied by `applyTransition`:
 * load the article under a lock, check the expected revision, the status and the role against
 * the table, build the next document with the action's effect, save it as a new revision and
 * record the audit row, all in one transaction; then run the after-store work.
 */

export interface WriteResult {
  article: Article;
  revision: number;
  changed: boolean;
}

/** What the request adds to an action: a body for create/update, a time, a revision, a text. */
export interface TransitionParams {
  /** create/update: the (unsanitized) document or, with `merge`, a JSON merge patch. */
  body?: Record<string, unknown>;
  merge?: boolean;
  /** schedule: when; embargo: until when. */
  at?: Date;
  /** restore-revision: which one. */
  revision?: number;
  /** correction: the notice. */
  text?: string;
  /** enrichment-decisions: the decisions to record (one, added) or the whole list (`replace`). */
  decisions?: EditorialDecision[];
  replace?: boolean;
}

export interface TransitionRequest {
  actor: Actor;
  id: string;
  /** From If-Match; the write fails with ConflictError when the article is at another revision. */
  expectedRevision: number;
  now: Date;
  params?: TransitionParams;
  /** Overrides the audit row's detail (the scheduler writes `scheduled`). */
  detail?: string;
}

interface EffectInput {
  tx: Repositories;
  current: Article;
  request: TransitionRequest;
  params: TransitionParams;
  /** The document cleaned and enriched before the transaction (see `prepareDocument`). */
  prepared?: Article;
}

/** The next document (status is set from the table afterwards); `hold` keeps it `scheduled`. */
type Effect = (input: EffectInput) => Promise<{ doc: Article; hold?: boolean }>;

/** Fields only the workflow endpoints change; PUT and PATCH must leave them as they are. */
const WORKFLOW_FIELDS = ["status", "corrections"] as const;

function fieldIssue(path: string, message: string): ValidationError {
  return new ValidationError(`article: ${path}: ${message}`, [{ path, message }]);
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

/** Blocks that only point elsewhere or divide the text: a story of only these has no body. */
const NOT_BODY = new Set(["crosshead", "related-stories", "external-links"]);

/**
 * A story goes live only with a body: at least one paragraph, list, quote, image, media or embed
 * with something in it (a headline alone would become the home page's lead). 409 otherwise.
 */
export function requireBody(article: Pick<Article, "id" | "blocks">): void {
  const hasBody = article.blocks.some(
    (b) => !NOT_BODY.has(b.type) && (b.type === "image" || b.type === "media" || blockText(b).trim().length > 0),
  );
  if (!hasBody) {
    throw new StateError(
      `article ${article.id} has no body: add at least one paragraph (or an image) before publishing or scheduling it`,
    );
  }
}

/** Removes any pending schedule; returns the embargo still in force at `now`, if any. */
async function clearSchedule(schedule: ScheduleRepository, id: string, now: Date): Promise<string | null> {
  const row = await schedule.get(id);
  await schedule.clear(id);
  return row?.embargoUntil && Date.parse(row.embargoUntil) > now.getTime() ? row.embargoUntil : null;
}

/** The article, locked until commit; 404 when absent, 412 when at another revision than If-Match named. */
async function loadForUpdate(tx: Repositories, id: string, expectedRevision: number): Promise<Article> {
  const stored = await tx.articles.getForUpdate(id);
  if (!stored) throw new NotFoundError(`no article ${id}`);
  const revision = Number(stored.revision);
  if (revision !== expectedRevision) throw new ConflictError(id, revision);
  return stored.article;
}

/** The newest status in the history that is not `deleted`: where a restore goes back to. */
async function statusBeforeDelete(tx: Repositories, id: string): Promise<Status | undefined> {
  const history = await tx.articles.revisionDocuments(id);
  return history.map((r) => r.article.status).find((s) => s !== "deleted");
}

const unchanged: Effect = async ({ current }) => ({ doc: current });

/** What readers read: a change here to a published story is an update they are told about. */
function readerTextChanged(before: Article, after: Article): boolean {
  return (
    before.headline !== after.headline ||
    before.summary !== after.summary ||
    JSON.stringify(before.blocks) !== JSON.stringify(after.blocks)
  );
}

/**
 * "Updated" is the newsroom's word to readers: a published story's body, headline or summary
 * changed. Tags, related stories and other metadata leave it as it was.
 */
function withUpdated(current: Article, next: Article, now: Date): Article {
  if (current.status !== "published") return next;
  return { ...next, updated: readerTextChanged(current, next) ? now.toISOString() : current.updated };
}

/** What each action does to the document and the schedule, beyond the status the table sets. */
const EFFECTS: Record<Exclude<Action, "create">, Effect> = {
  async update({ tx, current, request, params, prepared }) {
    await checkSlugFree(tx, current, params.body ?? {});
    const doc = prepared ?? cleanArticle(updatedInput(current, request, params));
    // A live story keeps a body: emptying it is refused as publishing an empty one would be.
    if (current.status === "published" || current.status === "scheduled") requireBody(doc);
    return { doc: withUpdated(current, doc, request.now) };
  },
  async publish({ tx, current, request }) {
    requirePublishable(current);
    requireBody(current);
    const embargo = await clearSchedule(tx.schedule, request.id, request.now);
    if (!embargo) return { doc: { ...current, firstPublished: current.firstPublished ?? request.now.toISOString() } };
    const publishAt = request.now.toISOString();
    await tx.schedule.set(request.id, { publishAt, embargoUntil: embargo, requestedBy: request.actor.name });
    return { doc: current, hold: true };
  },
  async unpublish({ tx, current, request }) {
    const embargo = await clearSchedule(tx.schedule, request.id, request.now);
    // Keep the embargo: it still binds any later publication.
    if (embargo) {
      await tx.schedule.set(request.id, { publishAt: null, embargoUntil: embargo, requestedBy: request.actor.name });
    }
    return { doc: current };
  },
  async schedule({ tx, current, request, params }) {
    requireBody(current);
    const embargo = await clearSchedule(tx.schedule, request.id, request.now);
    const publishAt = params.at!.toISOString();
    await tx.schedule.set(request.id, { publishAt, embargoUntil: embargo, requestedBy: request.actor.name });
    return { doc: current };
  },
  async embargo({ tx, current, request, params }) {
    const pending = await tx.schedule.get(request.id);
    const live = current.status === "published" || current.status === "scheduled";
    const publishAt = current.status === "published" ? request.now.toISOString() : (pending?.publishAt ?? null);
    await tx.schedule.set(request.id, {
      publishAt: live ? publishAt : null,
      embargoUntil: params.at!.toISOString(),
      requestedBy: request.actor.name,
    });
    return { doc: current };
  },
  async delete({ tx, current, request }) {
    // The pending publication goes; the embargo stays, binding a publication after a restore.
    const embargo = await clearSchedule(tx.schedule, request.id, request.now);
    if (embargo) {
      await tx.schedule.set(request.id, { publishAt: null, embargoUntil: embargo, requestedBy: request.actor.name });
    }
    return { doc: current };
  },
  restore: unchanged,
  async "restore-revision"({ tx, current, request, params }) {
    const old = await tx.articles.revision(request.id, params.revision!);
    if (!old) throw new NotFoundError(`article ${request.id} has no revision ${params.revision}`);
    const doc = parseArticle({
      ...old,
      slug: current.slug,
      status: current.status,
      firstPublished: current.firstPublished,
      corrections: current.corrections,
    });
    return { doc: withUpdated(current, doc, request.now) };
  },
  async correction({ current, request, params }) {
    const at = request.now.toISOString();
    try {
      const doc = parseArticle({
        ...current,
        updated: at,
        corrections: [...current.corrections, { text: params.text, at }],
      });
      return { doc };
    } catch (error) {
      if (error instanceof ValidationError) {
        const issues = error.issues.map((i) => ({ ...i, path: i.path.replace(/^corrections\[\d+\]\./, "") }));
        throw new ValidationError(error.message, issues);
      }
      throw error;
    }
  },
  async "enrichment-decisions"({ tx, current, request, params, prepared }) {
    const decisions = params.decisions ?? [];
    if (params.replace) await tx.editorialDecisions.replaceDecisions(request.id, decisions);
    else for (const d of decisions) await tx.editorialDecisions.recordDecision(request.id, d);
    // Enriched afresh; applyTransition then applies every decision on top.
    return { doc: prepared ?? enrichArticle(current) };
  },
  async "scheduled-publish"({ tx, current, request }) {
    const due = await tx.schedule.get(request.id);
    await tx.schedule.clear(request.id);
    const at = dueAt(due ?? { publishAt: null, embargoUntil: null }) ?? request.now.getTime();
    return { doc: { ...current, firstPublished: current.firstPublished ?? new Date(at).toISOString() } };
  },
};

/** 409 when the body asks for a slug another article has: a silent suffix would not be what was asked. */
async function checkSlugFree(tx: Repositories, current: Article, body: Record<string, unknown>): Promise<void> {
  if (typeof body.slug !== "string" || body.slug === current.slug) return;
  const owner = await tx.articles.getBySlug(body.slug);
  if (owner && owner.article.id !== current.id)
    throw new StateError(`the slug ${body.slug} belongs to another article; choose another`);
}

/** What PUT/PATCH makes of the current document: checked, merged, ready to clean. */
function updatedInput(current: Article, request: TransitionRequest, params: TransitionParams): Record<string, unknown> {
  const input = params.body ?? {};
  checkWorkflowFields(input, current);
  const base = params.merge
    ? (mergePatch(current, input) as Record<string, unknown>)
    : // The slug is the article's address: kept unless the body names a new one.
      { ...input, slug: input.slug ?? current.slug };
  return { ...base, id: request.id, status: current.status, corrections: current.corrections };
}

/**
 * Cleaning and enriching a large body takes seconds: it is done before the transaction (on a worker
 * thread when large), from the revision If-Match names, so neither the event loop nor the store's
 * write lock waits on it. The transaction then checks that revision again; if it moved, the write
 * fails with 412 and the prepared document is dropped.
 */
async function prepareDocument(store: Store, action: Action, request: TransitionRequest): Promise<Article | undefined> {
  if (action !== "update" && action !== "enrichment-decisions") return undefined;
  const stored = await store.articles.get(request.id);
  if (!stored || stored.article.id !== request.id || Number(stored.revision) !== request.expectedRevision) {
    return undefined; // the transaction answers 404 or 412
  }
  // The role and status check first, so a refused writer costs no enrichment.
  allowedTransition(request.actor, action, stored.article.status);
  if (action === "enrichment-decisions") return enrichArticleAsync(stored.article);
  return cleanArticleAsync(updatedInput(stored.article, request, request.params ?? {}));
}

/** When a pending row lets the article go live: its publish time, but never before its embargo. */
export function dueAt(row: { publishAt: string | null; embargoUntil: string | null }): number | null {
  if (row.publishAt === null) return null;
  return Math.max(Date.parse(row.publishAt), row.embargoUntil ? Date.parse(row.embargoUntil) : 0);
}

function auditDetail(action: Action, request: TransitionRequest): string | undefined {
  if (request.detail !== undefined) return request.detail;
  const params = request.params ?? {};
  if (action === "schedule") return `publish at ${params.at!.toISOString()}`;
  if (action === "embargo") return `not before ${params.at!.toISOString()}`;
  if (action === "restore-revision") return `from revision ${params.revision}`;
  if (action === "correction") return params.text?.slice(0, 500);
  return undefined;
}

async function recordAudit(
  audit: AuditRepository,
  actor: Actor,
  action: string,
  target: string,
  extra: { revision?: number; detail?: string; at: Date },
) {
  await audit.record({
    at: extra.at,
    actor: `${actor.name} (${actor.id})`,
    role: actor.role,
    action,
    target,
    revision: extra.revision ?? null,
    address: actor.address ?? null,
    detail: extra.detail ?? null,
  });
}

/** The one function every write to an existing article goes through. */
export async function applyTransition(
  store: Store,
  action: Exclude<Action, "create">,
  request: TransitionRequest,
): Promise<WriteResult> {
  const prepared = await prepareDocument(store, action, request);
  const result = await store.transaction(async (tx) => {
    const current = await loadForUpdate(tx, request.id, request.expectedRevision);
    const row = allowedTransition(request.actor, action, current.status);
    const previous = row.to === "previous" ? await statusBeforeDelete(tx, request.id) : undefined;
    const to: Status = targetStatus(row, current.status, previous);
    const effect = await EFFECTS[action]({ tx, current, request, params: request.params ?? {}, prepared });
    // Journalists' fixes to enrichment (read after the effect, which may record one) win over enrichment.
    const decisions = await tx.editorialDecisions.decisionsFor(request.id);
    const next: Article = {
      ...applyEnrichmentDecisions(effect.doc, decisions),
      status: effect.hold ? "scheduled" : to,
    };
    const saved = await tx.articles.save(next, {
      author: request.actor.name,
      message: action === "scheduled-publish" ? "publish" : action,
      expectedRevision: request.expectedRevision,
    });
    await recordAudit(tx.audit, request.actor, action === "scheduled-publish" ? "publish" : action, request.id, {
      revision: saved.revision,
      detail: auditDetail(action, request),
      at: request.now,
    });
    return { article: { ...next, slug: saved.slug }, revision: saved.revision, changed: saved.changed };
  });
  await indexAfterCommit(store, request.id);
  return result;
}

/**
 * Related stories, duplicates and threads after a write has committed. The write is stored and
 * acknowledged whatever happens here: a failure (a race with a worker, the database going away) is
 * logged, and the next write of the article or `newsdesk related --rebuild` redoes the work.
 */
async function indexAfterCommit(store: Store, id: string): Promise<void> {
  try {
    await afterArticlesStored(store, [id]);
  } catch (error) {
    process.stderr.write(
      `newsdesk: article ${id} is saved, but its related stories were not updated: ${(error as Error).message}\n`,
    );
  }
}

/** POST /api/articles: a new draft (or, for editors, a published article). */
export async function createArticle(store: Store, actor: Actor, body: unknown, now: Date): Promise<WriteResult> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw fieldIssue("(root)", "must be an object");
  // The whole body is sanitized with the rest of the cleaning (off the event loop when large).
  const input = { ...(body as Record<string, unknown>) };
  input.id ??= makeArticleId();
  if (input.slug === undefined && typeof input.headline === "string") {
    input.slug = slugify((sanitizeOrReject({ headline: input.headline }) as { headline: string }).headline);
  }
  input.status ??= "draft";
  if (input.status !== "draft" && input.status !== "published") {
    throw fieldIssue("status", "a new article is draft or published; schedule it with /schedule");
  }
  if (Array.isArray(input.corrections) && input.corrections.length > 0) {
    throw fieldIssue("corrections", "append corrections with POST /api/articles/:id/corrections");
  }
  allowedTransition(actor, "create", "new", input.status);
  if (input.status === "published") input.firstPublished ??= now.toISOString();
  const article = await cleanArticleAsync(input);
  if (article.status === "published") {
    requirePublishable(article);
    requireBody(article);
  }
  const result = await store.transaction(async (tx) => {
    if (await tx.articles.exists(article.id)) throw new StateError(`article ${article.id} already exists`);
    // An id equal to another article's slug would make `/api/articles/<slug>` and the CLI ambiguous.
    if (await tx.articles.getBySlug(article.id))
      throw new StateError(`id ${article.id} is another article's slug; choose another id`);
    const [saved] = await tx.articles.saveValidated([
      { article, options: { author: actor.name, message: "create", expectedRevision: 0 } },
    ]);
    await recordAudit(tx.audit, actor, "create", article.id, {
      revision: saved.revision,
      at: now,
      detail: article.status === "published" ? "published" : undefined,
    });
    return { article: { ...article, slug: saved.slug }, revision: saved.revision, changed: saved.changed };
  });
  await indexAfterCommit(store, article.id);
  return result;
}

/** The body of PUT/PATCH, checked before the transaction: an object whose id (if any) is the URL's. */
export function updateBody(id: string, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw fieldIssue("(root)", "must be an object");
  const input = body as Record<string, unknown>;
  if ("id" in input && input.id !== id) throw fieldIssue("id", "must match the article in the URL");
  return input;
}

/** The text of a correction, sanitized; ValidationError naming `text` when it is not a string. */
export function correctionText(body: unknown): string {
  const text = (body as { text?: unknown } | null)?.text;
  if (typeof text !== "string") throw fieldIssue("text", "must be a string");
  return (sanitizeArticleInput({ text }).value as { text: string }).text;
}

/** The audit actions that make an article's publishing history. */
export const HISTORY_ACTIONS = [
  "create",
  "publish",
  "unpublish",
  "schedule",
  "embargo",
  "correction",
  "delete",
  "restore",
  "restore-revision",
] as const;

export interface HistoryEvent {
  at: string;
  /** `publish`, `unpublish`, `correction`, … as in the audit log. */
  action: string;
  actor: string;
  revision: number | null;
  detail: string | null;
}

/** One article's publishing history from the audit log, oldest first. */
export async function articleHistory(store: Store, id: string): Promise<HistoryEvent[]> {
  const rows = await store.audit.history(id, HISTORY_ACTIONS);
  return rows.map((r) => ({ at: r.at, action: r.action, actor: r.actor, revision: r.revision, detail: r.detail }));
}

/** Records a write that is not an article revision (token management) in the audit log. */
export function auditOnly(
  store: Store,
  actor: Actor,
  action: string,
  target: string,
  extra: { detail?: string; at: Date },
): Promise<void> {
  return recordAudit(store.audit, actor, action, target, extra);
}
