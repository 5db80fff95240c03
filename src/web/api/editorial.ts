import { type Context, Hono, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { type RateLimit, RateLimiter } from "../../auth/rate-limit.ts";
import { isRole, type Role, roleAtLeast } from "../../auth/roles.ts";
import { createToken, listTokens, revokeToken, verifyToken } from "../../auth/tokens.ts";
import type { Actor } from "../../editorial/actor.ts";
import { listAudit, recordAudit } from "../../editorial/audit.ts";
import { type Clock, systemClock } from "../../editorial/clock.ts";
import { diffDocuments } from "../../editorial/diff.ts";
import { enrichmentDecisions, replaceEnrichmentDecisions } from "../../editorial/enrichment-decisions.ts";
import { startScheduler } from "../../editorial/schedule.ts";
import {
  addCorrection,
  createArticle,
  deleteArticle,
  embargoArticle,
  parseTime,
  patchArticle,
  publishArticle,
  replaceArticle,
  restoreRevision,
  scheduleArticle,
  undeleteArticle,
  unpublishArticle,
  type WriteResult,
} from "../../editorial/workflow.ts";
import { uploadImage } from "../../media/library.ts";
import { MAX_UPLOAD_BYTES, MediaError } from "../../media/process.ts";
import { defaultMediaFolder, localMediaStorage, type MediaStorage } from "../../media/storage.ts";
import type { Article } from "../../model/article.ts";
import { getRevision, listRevisions } from "../../store/articles.ts";
import type { Store } from "../../store/store.ts";
import { checkCsrf, currentSession, sessionActor } from "../desk/session.ts";
import { errorResponse, expectedRevision, HttpError, jsonBody, revisionEtag, socketAddress } from "./editorial/http.ts";

export interface EditorialApiOptions {
  store: Store;
  clock?: Clock;
  /** Largest accepted request body (default 1 MiB). */
  maxBodyBytes?: number;
  /** Per token and per client address; `false` turns limiting off (benchmarks). */
  rateLimits?: { perToken: RateLimit; perAddress: RateLimit } | false;
  clientAddress?: (c: Context) => string;
  /** How often scheduled publications are checked; 0 disables the timer (tests call runDueSchedules). */
  schedulerIntervalMs?: number;
  /** Where uploaded images go; by default the media folder beside the SQLite file. */
  media?: MediaStorage;
}

export const DEFAULT_RATE_LIMITS = {
  perToken: { perMinute: 600, burst: 120 },
  perAddress: { perMinute: 1200, burst: 240 },
};

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The editorial API: JSON writes on the read API's resource paths, behind bearer tokens with roles.
 * A Hono sub-app for `/api` (createApp's `writeApi`), mounted before the read routes so an
 * authorised GET /api/articles/:id (any status, with its ETag) is answered here and an anonymous
 * one falls through to the read API.
 */
export function createEditorialApi(options: EditorialApiOptions): Hono {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limits = options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits;
  const now = () => clock().getTime();
  const byToken = limits ? new RateLimiter(limits.perToken, now) : null;
  const byAddress = limits ? new RateLimiter(limits.perAddress, now) : null;
  const addressOf = options.clientAddress ?? socketAddress;
  if ((options.schedulerIntervalMs ?? 15_000) > 0) startScheduler(store, clock, options.schedulerIntervalMs ?? 15_000);

  const app = new Hono();
  // Who sent each request, once authenticate has checked the token.
  const actors = new WeakMap<Context, Actor>();

  const limit = (limiter: RateLimiter | null, key: string, what: string) => {
    if (!limiter) return;
    const decision = limiter.take(key);
    if (!decision.allowed) {
      throw new HttpError(
        429,
        `too many requests from this ${what}; retry in ${decision.retryAfterSeconds} s`,
        undefined,
        {
          "Retry-After": String(decision.retryAfterSeconds),
        },
      );
    }
  };

  /** Rate limits, then the bearer token; every editorial route runs behind it. */
  const authenticate = async (c: Context, next: Next) => {
    try {
      const address = addressOf(c);
      limit(byAddress, `address:${address}`, "address");
      const header = c.req.header("authorization") ?? "";
      // The desk signs in with a session cookie instead of a token: same routes, same role checks.
      const session = header ? null : await currentSession(c, store);
      if (session) {
        checkCsrf(c, session);
        const actor = sessionActor(session, address);
        limit(byToken, `token:${actor.id}`, "session");
        actors.set(c, actor);
      } else {
        const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
        const token = bearer ? await verifyToken(store, bearer) : null;
        if (!token) {
          c.header("WWW-Authenticate", 'Bearer realm="newsdesk"');
          throw new HttpError(401, bearer ? "the token is not valid" : "send a token: Authorization: Bearer <token>");
        }
        limit(byToken, `token:${token.id}`, "token");
        actors.set(c, { id: token.id, name: token.name, role: token.role, address });
      }
    } catch (error) {
      return errorResponse(c, error);
    }
    await next();
  };

  const sizeLimit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => errorResponse(c, new HttpError(413, `the body is larger than ${maxBodyBytes} bytes`)),
  });

  /** A route handler that needs at least `role`; errors become JSON answers, never a stack trace. */
  const route =
    (role: Role, what: string, handler: (c: Context, actor: Actor) => Promise<Response>) => async (c: Context) => {
      try {
        const actor = actors.get(c);
        if (!actor) throw new HttpError(401, "send a token: Authorization: Bearer <token>");
        if (!roleAtLeast(actor.role, role)) throw new HttpError(403, `${what} needs the ${role} role`);
        const id = c.req.param("id");
        if (id !== undefined && !ARTICLE_ID.test(id)) throw new HttpError(404, "no such article");
        return await handler(c, actor);
      } catch (error) {
        return errorResponse(c, error);
      }
    };

  const written = (c: Context, result: WriteResult, status: 200 | 201 = 200) => {
    c.header("ETag", revisionEtag(result.revision));
    c.header("Cache-Control", "no-store");
    return c.json({ article: result.article, revision: result.revision, changed: result.changed }, status);
  };

  const revisionParam = (c: Context, name: string): number => {
    const value = c.req.param(name) ?? c.req.query(name);
    if (value === undefined) throw new HttpError(400, `${name} is required`, [{ path: name, message: "required" }]);
    if (!/^\d{1,9}$/.test(value)) {
      throw new HttpError(400, `${name} must be a revision number`, [
        { path: name, message: "must be a positive integer" },
      ]);
    }
    return Number(value);
  };

  const readArticle = route("reader", "reading drafts", async (c) => {
    const id = c.req.param("id")!;
    const row = await store.db
      .selectFrom("articles")
      .select(["doc", "revision"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, `no article ${id}`);
    const schedule = await store.db
      .selectFrom("article_schedule")
      .select(["publish_at", "embargo_until"])
      .where("article_id", "=", id)
      .executeTakeFirst();
    c.header("ETag", revisionEtag(Number(row.revision)));
    c.header("Cache-Control", "no-store");
    return c.json({
      article: JSON.parse(row.doc) as Article,
      revision: Number(row.revision),
      schedule: schedule ? { publishAt: schedule.publish_at, embargoUntil: schedule.embargo_until } : null,
    });
  });

  // Anonymous reads of an article belong to the read API; only authorised ones are answered here.
  app.get("/articles/:id", async (c, next) => {
    if (!c.req.header("authorization") && !(await currentSession(c, store))) return next();
    return (await authenticate(c, async () => {})) ?? readArticle(c);
  });

  app.post(
    "/articles",
    authenticate,
    sizeLimit,
    route("writer", "creating an article", async (c, actor) => {
      const result = await createArticle(store, actor, await jsonBody(c), clock());
      c.header("Location", `/api/articles/${result.article.id}`);
      return written(c, result, 201);
    }),
  );

  app.put(
    "/articles/:id",
    authenticate,
    sizeLimit,
    route("writer", "editing an article", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = await jsonBody(c);
      return written(c, await replaceArticle(store, actor, c.req.param("id")!, body, expected, clock()));
    }),
  );

  app.patch(
    "/articles/:id",
    authenticate,
    sizeLimit,
    route("writer", "editing an article", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = await jsonBody(c);
      return written(c, await patchArticle(store, actor, c.req.param("id")!, body, expected, clock()));
    }),
  );

  // Transitions that take nothing but the article and its expected revision: one route each.
  const transitions = [
    ["delete", "/articles/:id", "deleting", deleteArticle],
    ["post", "/articles/:id/restore", "restoring", undeleteArticle],
    ["post", "/articles/:id/publish", "publishing", publishArticle],
    ["post", "/articles/:id/unpublish", "unpublishing", unpublishArticle],
  ] as const;
  for (const [method, path, doing, transition] of transitions) {
    app[method](
      path,
      authenticate,
      sizeLimit,
      route("editor", doing, async (c, actor) =>
        written(c, await transition(store, actor, c.req.param("id")!, expectedRevision(c), clock())),
      ),
    );
  }

  app.post(
    "/articles/:id/schedule",
    authenticate,
    sizeLimit,
    route("editor", "scheduling", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = (await jsonBody(c)) as { at?: unknown } | null;
      const at = parseTime(body?.at, "at");
      return written(c, await scheduleArticle(store, actor, c.req.param("id")!, at, expected, clock()));
    }),
  );

  app.post(
    "/articles/:id/embargo",
    authenticate,
    sizeLimit,
    route("editor", "setting an embargo", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = (await jsonBody(c)) as { until?: unknown } | null;
      const until = parseTime(body?.until, "until");
      return written(c, await embargoArticle(store, actor, c.req.param("id")!, until, expected, clock()));
    }),
  );

  app.post(
    "/articles/:id/corrections",
    authenticate,
    sizeLimit,
    route("editor", "adding a correction", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = await jsonBody(c);
      return written(c, await addCorrection(store, actor, c.req.param("id")!, body, expected, clock()));
    }),
  );

  app.get(
    "/articles/:id/revisions",
    authenticate,
    sizeLimit,
    route("reader", "reading revisions", async (c) => {
      const revisions = await listRevisions(store, c.req.param("id")!);
      if (revisions.length === 0) throw new HttpError(404, "no such article");
      return c.json({ revisions });
    }),
  );

  app.get(
    "/articles/:id/revisions/:revision",
    authenticate,
    sizeLimit,
    route("reader", "reading revisions", async (c) => {
      const revision = revisionParam(c, "revision");
      const article = await getRevision(store, c.req.param("id")!, revision);
      if (!article) throw new HttpError(404, `no revision ${revision}`);
      return c.json({ article, revision });
    }),
  );

  app.post(
    "/articles/:id/revisions/:revision/restore",
    authenticate,
    sizeLimit,
    route("editor", "restoring a revision", async (c, actor) => {
      const revision = revisionParam(c, "revision");
      const expected = expectedRevision(c);
      return written(c, await restoreRevision(store, actor, c.req.param("id")!, revision, expected, clock()));
    }),
  );

  app.get(
    "/articles/:id/diff",
    authenticate,
    sizeLimit,
    route("reader", "reading revisions", async (c) => {
      const id = c.req.param("id")!;
      const from = revisionParam(c, "from");
      const to = revisionParam(c, "to");
      const [a, b] = await Promise.all([getRevision(store, id, from), getRevision(store, id, to)]);
      if (!a || !b) throw new HttpError(404, `no revision ${!a ? from : to} of ${id}`);
      return c.json({ from, to, changes: diffDocuments(a, b) });
    }),
  );

  app.get(
    "/articles/:id/enrichment-decisions",
    authenticate,
    route("writer", "reading enrichment decisions", async (c) => {
      const id = c.req.param("id")!;
      return c.json({ decisions: await enrichmentDecisions(store, id) });
    }),
  );

  app.put(
    "/articles/:id/enrichment-decisions",
    authenticate,
    sizeLimit,
    route("writer", "fixing enrichment", async (c, actor) => {
      const expected = expectedRevision(c);
      const body = await jsonBody(c);
      return written(c, await replaceEnrichmentDecisions(store, actor, c.req.param("id")!, body, expected, clock()));
    }),
  );

  const media = options.media ?? localMediaStorage(defaultMediaFolder(store.location));
  app.post(
    "/media",
    authenticate,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
      onError: (c) => errorResponse(c, new HttpError(413, `the image is larger than ${MAX_UPLOAD_BYTES} bytes`)),
    }),
    route("writer", "uploading images", async (c, actor) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^multipart\/form-data/i.test(type))
        throw new HttpError(415, "send the image as multipart/form-data with a `file` field");
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw new HttpError(400, "no image: send it in the `file` field", [{ path: "file", message: "required" }]);
      const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
      try {
        const block = await uploadImage(
          store,
          media,
          actor,
          {
            bytes: Buffer.from(await file.arrayBuffer()),
            originalName: file.name,
            alt: field("alt"),
            caption: field("caption"),
            credit: field("credit"),
          },
          clock(),
        );
        c.header("Cache-Control", "no-store");
        return c.json({ block }, 201);
      } catch (error) {
        if (error instanceof MediaError)
          throw new HttpError(400, `${file.name || "upload"}: ${error.message}`, [
            { path: "file", message: error.message },
          ]);
        throw error;
      }
    }),
  );

  app.get(
    "/audit",
    authenticate,
    sizeLimit,
    route("editor", "reading the audit log", async (c) => {
      const limitParam = Number(c.req.query("limit") ?? 100);
      const limit = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, 1000) : 100;
      return c.json({ entries: await listAudit(store, { target: c.req.query("target"), limit }) });
    }),
  );

  app.post(
    "/tokens",
    authenticate,
    sizeLimit,
    route("admin", "managing tokens", async (c, actor) => {
      const body = (await jsonBody(c)) as { role?: unknown; name?: unknown } | null;
      const issues: { path: string; message: string }[] = [];
      if (!isRole(body?.role)) issues.push({ path: "role", message: "must be reader, writer, editor or admin" });
      const name = body?.name ?? "api";
      if (typeof name !== "string" || name.trim() === "" || name.length > 100)
        issues.push({ path: "name", message: "must be 1-100 characters" });
      if (issues.length > 0) throw new HttpError(400, "invalid token request", issues);
      const created = await createToken(store, body!.role as Role, (name as string).trim(), clock());
      await recordAudit(store.db, {
        actor,
        action: "token-create",
        target: `token:${created.id}`,
        detail: created.role,
        at: clock(),
      });
      c.header("Cache-Control", "no-store");
      return c.json(created, 201);
    }),
  );

  app.get(
    "/tokens",
    authenticate,
    sizeLimit,
    route("admin", "managing tokens", async (c) => c.json({ tokens: await listTokens(store) })),
  );

  app.delete(
    "/tokens/:token",
    authenticate,
    sizeLimit,
    route("admin", "managing tokens", async (c, actor) => {
      const id = c.req.param("token")!;
      if (!(await revokeToken(store, id, clock()))) throw new HttpError(404, `no live token ${id}`);
      await recordAudit(store.db, { actor, action: "token-revoke", target: `token:${id}`, at: clock() });
      return c.body(null, 204);
    }),
  );

  return app;
}
