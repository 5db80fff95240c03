import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { type RateLimit, RateLimiter } from "../../auth/rate-limit.ts";
import type { Role } from "../../auth/roles.ts";
import { createToken, listTokens, revokeToken, verifyToken } from "../../auth/tokens.ts";
import type { Actor } from "../../editorial/actor.ts";
import { type Clock, systemClock } from "../../editorial/clock.ts";
import { diffDocuments } from "../../editorial/diff.ts";
import { decisionsBody, enrichmentDecisions } from "../../editorial/enrichment-decisions.ts";
import { startScheduler } from "../../editorial/schedule.ts";
import { type Action, actionWords, minimumRole, requireRole } from "../../editorial/transitions.ts";
import {
  applyTransition,
  articleHistory,
  auditOnly,
  correctionText,
  createArticle,
  type TransitionParams,
  updateBody,
  type WriteResult,
} from "../../editorial/workflow.ts";
import { relatedChoices } from "../../enrich/related/choices.ts";
import { clearRelatedOverride, excludeRelated, pinRelated } from "../../enrich/related/related.ts";
import { cropLibraryImage, uploadImage } from "../../media/library.ts";
import { MAX_UPLOAD_BYTES, MediaError } from "../../media/process.ts";
import { defaultMediaStorage, type MediaStorage } from "../../media/storage.ts";
import type { Store } from "../../store/store.ts";
import { FRONT_KEY } from "../cache/render-cache.ts";
import { checkCsrf, currentSession, sessionActor } from "../desk/session.ts";
import { BREAKING_KEY, currentBreaking, readFront, settingKeyOfFront } from "../fronts.ts";
import { expectedRevision, jsonBody, revisionParam, socketAddress } from "./editorial/http.ts";
import { apiError, onApiError, revisionEtag } from "./errors.ts";
import {
  breakingBody,
  correctionBody,
  embargoBody,
  enrichmentDecisionsBody,
  frontBody,
  mediaCropBody,
  parseBody,
  relatedChoiceBody,
  scheduleBody,
  tokenCreateBody,
} from "./request-schemas.ts";

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
  /** Told the cache keys a site write (fronts, banner) changes, to purge this process's pages and the CDN. */
  onSiteChange?: (keys: string[]) => void;
}

export const DEFAULT_RATE_LIMITS = {
  perToken: { perMinute: 600, burst: 120 },
  perAddress: { perMinute: 1200, burst: 240 },
};

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The request's actor, set by `authenticate` and read by every handler behind it. */
export type EditorialEnv = { Variables: { actor: Actor } };

/**
 * The editorial API: JSON writes on the read API's resource paths, behind bearer tokens with roles.
 * A Hono sub-app for `/api` (createApp's `writeApi`), mounted before the read routes so an
 * authorised GET /api/articles/:id (any status, with its ETag) is answered here and an anonymous
 * one falls through to the read API. Every route runs behind `guard` (rate limits and token, body
 * size, role); every error goes through `onApiError`.
 */
export function createEditorialApi(options: EditorialApiOptions): Hono<EditorialEnv> {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limits = options.rateLimits === undefined ? DEFAULT_RATE_LIMITS : options.rateLimits;
  const now = () => clock().getTime();
  const byToken = limits ? new RateLimiter(limits.perToken, now) : null;
  const byAddress = limits ? new RateLimiter(limits.perAddress, now) : null;
  const addressOf = options.clientAddress ?? socketAddress;
  const { articles, audit, schedule } = store;
  if ((options.schedulerIntervalMs ?? 15_000) > 0) startScheduler(store, clock, options.schedulerIntervalMs ?? 15_000);

  const app = new Hono<EditorialEnv>();
  app.onError(onApiError);

  const limit = (c: Context, limiter: RateLimiter | null, key: string, what: string) => {
    if (!limiter) return;
    const decision = limiter.take(key);
    if (!decision.allowed) {
      c.header("Retry-After", String(decision.retryAfterSeconds));
      throw apiError("rate-limited", `too many requests from this ${what}; retry in ${decision.retryAfterSeconds} s`);
    }
  };

  /** Rate limits, then the bearer token; the actor it names is kept in `c.var.actor`. */
  const authenticate: MiddlewareHandler<EditorialEnv> = async (c, next) => {
    const address = addressOf(c);
    limit(c, byAddress, `address:${address}`, "address");
    const header = c.req.header("authorization") ?? "";
    // The desk signs in with a session cookie instead of a token: same routes, same role checks,
    // plus the session's CSRF token on every state-changing request.
    const session = header ? null : await currentSession(c, store);
    if (session) {
      checkCsrf(c, session);
      const actor = sessionActor(session, address);
      limit(c, byToken, `token:${actor.id}`, "session");
      c.set("actor", actor);
      return next();
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const token = bearer ? await verifyToken(store, bearer) : null;
    if (!token) {
      c.header("WWW-Authenticate", 'Bearer realm="newsdesk"');
      throw apiError("unauthorized", bearer ? "the token is not valid" : "send a token: Authorization: Bearer <token>");
    }
    limit(c, byToken, `token:${token.id}`, "token");
    c.set("actor", { id: token.id, name: token.name, role: token.role, address });
    await next();
  };

  const sizeLimit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: () => {
      throw apiError("payload-too-large", `the body is larger than ${maxBodyBytes} bytes`);
    },
  });

  /** The role gate (and a well-formed article id, so nothing odd reaches the store). */
  const allow =
    (role: Role, doing: string): MiddlewareHandler<EditorialEnv> =>
    async (c, next) => {
      requireRole(c.get("actor"), role, doing);
      const id = c.req.param("id");
      if (id !== undefined && !ARTICLE_ID.test(id)) throw apiError("not-found", "no such article");
      await next();
    };

  /** The one chain in front of every editorial route. */
  const guard = (role: Role, doing: string) =>
    every(authenticate, sizeLimit, allow(role, doing)) as MiddlewareHandler<EditorialEnv>;
  /** The guard of a workflow action: its least role comes from the transition table. */
  const guardAction = (action: Action) => guard(minimumRole(action), actionWords(action));

  const written = (c: Context, result: WriteResult, status: 200 | 201 = 200) => {
    c.header("ETag", revisionEtag(result.revision));
    c.header("Cache-Control", "no-store");
    return c.json({ article: result.article, revision: result.revision, changed: result.changed }, status);
  };

  /** A route applying one transition; `params` reads what the action needs from the request. */
  const transition = (
    action: Exclude<Action, "create">,
    params: (c: Context<EditorialEnv>) => Promise<TransitionParams> = async () => ({}),
  ) =>
    [
      guardAction(action),
      async (c: Context<EditorialEnv>) => {
        const expected = expectedRevision(c);
        const request = { actor: c.get("actor"), id: c.req.param("id")!, expectedRevision: expected, now: clock() };
        return written(c, await applyTransition(store, action, { ...request, params: await params(c) }));
      },
    ] as const;

  const allowDrafts = allow("reader", "reading drafts");
  // Anonymous reads of an article belong to the read API; only authorised ones are answered here,
  // so the guard runs inside the handler (a GET has no body to limit).
  app.get("/articles/:id", async (c, next) => {
    if (!c.req.header("authorization") && !(await currentSession(c, store))) return next();
    const passed = async () => {};
    await authenticate(c, passed);
    await allowDrafts(c, passed);
    const id = c.req.param("id");
    const stored = await articles.get(id);
    if (!stored || stored.article.id !== id) throw apiError("not-found", `no article ${id}`);
    const pending = await schedule.get(id);
    c.header("ETag", revisionEtag(Number(stored.revision)));
    c.header("Cache-Control", "no-store");
    return c.json({ article: stored.article, revision: Number(stored.revision), schedule: pending });
  });

  app.post("/articles", guardAction("create"), async (c) => {
    const result = await createArticle(store, c.get("actor"), await jsonBody(c), clock());
    c.header("Location", `/api/articles/${result.article.id}`);
    return written(c, result, 201);
  });

  app.put(
    "/articles/:id",
    ...transition("update", async (c) => ({ body: updateBody(c.req.param("id")!, await jsonBody(c)) })),
  );
  app.patch(
    "/articles/:id",
    ...transition("update", async (c) => ({ body: updateBody(c.req.param("id")!, await jsonBody(c)), merge: true })),
  );
  app.delete("/articles/:id", ...transition("delete"));
  app.post("/articles/:id/restore", ...transition("restore"));
  app.post("/articles/:id/publish", ...transition("publish"));
  app.post("/articles/:id/unpublish", ...transition("unpublish"));
  app.post(
    "/articles/:id/schedule",
    ...transition("schedule", async (c) => ({
      at: new Date(parseBody(scheduleBody, await jsonBody(c), "schedule").at),
    })),
  );
  app.post(
    "/articles/:id/embargo",
    ...transition("embargo", async (c) => ({
      at: new Date(parseBody(embargoBody, await jsonBody(c), "embargo").until),
    })),
  );
  app.post(
    "/articles/:id/corrections",
    ...transition("correction", async (c) => ({
      text: correctionText(parseBody(correctionBody, await jsonBody(c), "correction")),
    })),
  );
  app.post(
    "/articles/:id/revisions/:revision/restore",
    ...transition("restore-revision", async (c) => ({ revision: revisionParam(c, "revision") })),
  );

  app.get("/articles/:id/revisions", guard("reader", "reading revisions"), async (c) => {
    const revisions = await articles.revisions(c.req.param("id"));
    if (revisions.length === 0) throw apiError("not-found", "no such article");
    return c.json({ revisions });
  });

  app.get("/articles/:id/history", guard("reader", "reading an article's history"), async (c) => {
    const id = c.req.param("id");
    if (!(await articles.exists(id))) throw apiError("not-found", `no article ${id}`);
    c.header("Cache-Control", "no-store");
    return c.json({ id, events: await articleHistory(store, id) });
  });

  app.get("/articles/:id/revisions/:revision", guard("reader", "reading revisions"), async (c) => {
    const revision = revisionParam(c, "revision");
    const article = await articles.revision(c.req.param("id"), revision);
    if (!article) throw apiError("not-found", `no revision ${revision}`);
    return c.json({ article, revision });
  });

  app.get("/articles/:id/diff", guard("reader", "reading revisions"), async (c) => {
    const id = c.req.param("id");
    const from = revisionParam(c, "from");
    const to = revisionParam(c, "to");
    const [a, b] = await Promise.all([articles.revision(id, from), articles.revision(id, to)]);
    if (!a || !b) throw apiError("not-found", `no revision ${!a ? from : to} of ${id}`);
    return c.json({ from, to, changes: diffDocuments(a, b) });
  });

  app.get("/articles/:id/enrichment-decisions", guard("writer", "reading enrichment decisions"), async (c) =>
    c.json({ decisions: await enrichmentDecisions(store, c.req.param("id")) }),
  );
  app.put(
    "/articles/:id/enrichment-decisions",
    ...transition("enrichment-decisions", async (c) => ({
      decisions: decisionsBody(
        parseBody(enrichmentDecisionsBody, await jsonBody(c), "enrichment decisions"),
        c.get("actor"),
        clock(),
      ),
      replace: true,
    })),
  );

  // Related stories: editors' pins and exclusions. They are not part of the article's document (no
  // revision, no If-Match); each change is in the audit log.
  const relatedTarget = async (c: Context<EditorialEnv>) => {
    const id = c.req.param("id")!;
    const stored = await articles.get(id);
    if (!stored || stored.article.id !== id) throw apiError("not-found", `no article ${id}`);
    const other = c.req.param("other");
    if (other !== undefined) {
      if (!ARTICLE_ID.test(other)) throw apiError("not-found", "no such related article");
      if (other === id) throw apiError("invalid-parameter", "an article cannot be related to itself");
      const found = await articles.get(other);
      if (!found || found.article.id !== other) throw apiError("not-found", `no article ${other}`);
    }
    return { id, other: other ?? "" };
  };
  const relatedAnswer = async (c: Context, id: string) => {
    c.header("Cache-Control", "no-store");
    return c.json(await relatedChoices(store, id));
  };
  app.get("/articles/:id/related", guard("writer", "reading related-story choices"), async (c) => {
    const { id } = await relatedTarget(c);
    return relatedAnswer(c, id);
  });
  app.put("/articles/:id/related/:other", guard("writer", "choosing related stories"), async (c) => {
    const { id, other } = await relatedTarget(c);
    const { action } = parseBody(relatedChoiceBody, await jsonBody(c), "related-story choice");
    await (action === "pin" ? pinRelated : excludeRelated)(store, id, other);
    await auditOnly(store, c.get("actor"), `related-${action}`, id, { detail: other, at: clock() });
    return relatedAnswer(c, id);
  });
  app.delete("/articles/:id/related/:other", guard("writer", "choosing related stories"), async (c) => {
    const { id, other } = await relatedTarget(c);
    if (!(await clearRelatedOverride(store, id, other)))
      throw apiError("not-found", `${other} is neither pinned nor excluded for ${id}`);
    await auditOnly(store, c.get("actor"), "related-clear", id, { detail: other, at: clock() });
    return relatedAnswer(c, id);
  });

  const media = options.media ?? defaultMediaStorage(store.location);
  app.post(
    "/media",
    authenticate,
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
      onError: () => {
        throw apiError("payload-too-large", `the image is larger than ${MAX_UPLOAD_BYTES} bytes`);
      },
    }),
    allow("writer", "uploading images"),
    async (c) => {
      const type = c.req.header("content-type") ?? "";
      if (!/^multipart\/form-data/i.test(type))
        throw apiError("unsupported-media-type", "send the image as multipart/form-data with a `file` field");
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw apiError("invalid-body", "no image: send it in the `file` field", [
          { path: "file", message: "required" },
        ]);
      const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
      try {
        const block = await uploadImage(
          store,
          media,
          c.get("actor"),
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
          throw apiError("invalid-body", `${file.name || "upload"}: ${error.message}`, [
            { path: "file", message: error.message },
          ]);
        throw error;
      }
    },
  );

  app.post("/media/:media/crop", guard("writer", "cropping images"), async (c) => {
    const id = c.req.param("media");
    if (!/^[a-f0-9]{20}$/.test(id)) throw apiError("not-found", `no image ${id} in the media library`);
    const { crop, focal } = parseBody(mediaCropBody, await jsonBody(c), "crop");
    try {
      const image = await cropLibraryImage(store, media, id, crop, focal);
      c.header("Cache-Control", "no-store");
      return c.json({ image });
    } catch (error) {
      if (error instanceof MediaError) throw apiError("not-found", error.message);
      throw error;
    }
  });

  app.get("/audit", guard("editor", "reading the audit log"), async (c) => {
    const limitParam = Number(c.req.query("limit") ?? 100);
    const limit = Number.isInteger(limitParam) && limitParam > 0 ? Math.min(limitParam, 1000) : 100;
    return c.json({ entries: await audit.list({ target: c.req.query("target"), limit }) });
  });

  const FRONT_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const frontParam = (c: Context) => {
    const front = c.req.param("front") ?? "";
    if (!FRONT_NAME.test(front) || front.length > 100)
      throw apiError("invalid-parameter", `"${front}" is not a front: use home or a section slug such as politics`);
    return front;
  };
  const siteChanged = async (c: Context<EditorialEnv>, action: string, target: string, detail?: string) => {
    options.onSiteChange?.([FRONT_KEY]);
    await auditOnly(store, c.get("actor"), action, target, { detail, at: clock() });
  };

  app.get("/fronts/:front", guard("reader", "reading fronts"), async (c) => {
    const front = frontParam(c);
    c.header("Cache-Control", "no-store");
    return c.json({ front, ...((await readFront(store, front)) ?? { lead: null, top: [] }) });
  });

  app.put("/fronts/:front", guard("editor", "curating fronts"), async (c) => {
    const front = frontParam(c);
    const body = parseBody(frontBody, await jsonBody(c), "front");
    // Every chosen story must be live: a draft or a typo must not silently vanish from the front.
    const ids = [...(body.lead ? [body.lead] : []), ...body.top];
    const live = new Set((await store.site.summaries(ids)).map((a) => a.id));
    const issues = [
      ...(body.lead && !live.has(body.lead) ? [{ path: "lead", message: `no published article ${body.lead}` }] : []),
      ...body.top.flatMap((id, i) =>
        live.has(id) ? [] : [{ path: `top[${i}]`, message: `no published article ${id}` }],
      ),
    ];
    if (issues.length > 0)
      throw apiError("invalid-body", `invalid front: ${issues[0].path}: ${issues[0].message}`, issues);
    await store.site.putSetting(settingKeyOfFront(front), body, c.get("actor").name, clock().toISOString());
    await siteChanged(c, "front-update", `front:${front}`, body.lead ?? undefined);
    c.header("Cache-Control", "no-store");
    return c.json({ front, ...body });
  });

  app.delete("/fronts/:front", guard("editor", "curating fronts"), async (c) => {
    const front = frontParam(c);
    if (!(await store.site.deleteSetting(settingKeyOfFront(front))))
      throw apiError("not-found", `the ${front} front is not curated`);
    await siteChanged(c, "front-clear", `front:${front}`);
    return c.body(null, 204);
  });

  app.get("/breaking", guard("reader", "reading the banner"), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ breaking: await currentBreaking(store, clock().getTime()) });
  });

  app.put("/breaking", guard("editor", "setting the breaking-news banner"), async (c) => {
    const body = parseBody(breakingBody, await jsonBody(c), "banner");
    if (Date.parse(body.expiresAt) <= clock().getTime())
      throw apiError("invalid-body", "invalid banner: expiresAt: must be in the future", [
        { path: "expiresAt", message: "must be in the future" },
      ]);
    await store.site.putSetting(BREAKING_KEY, body, c.get("actor").name, clock().toISOString());
    await siteChanged(c, "breaking-set", "breaking", body.text);
    c.header("Cache-Control", "no-store");
    return c.json({ breaking: body });
  });

  app.delete("/breaking", guard("editor", "setting the breaking-news banner"), async (c) => {
    if (!(await store.site.deleteSetting(BREAKING_KEY))) throw apiError("not-found", "no breaking-news banner");
    await siteChanged(c, "breaking-clear", "breaking");
    return c.body(null, 204);
  });

  const manageTokens = guard("admin", "managing tokens");

  app.post("/tokens", manageTokens, async (c) => {
    const body = parseBody(tokenCreateBody, await jsonBody(c), "token request");
    const created = await createToken(store, body.role, body.name, clock());
    await auditOnly(store, c.get("actor"), "token-create", `token:${created.id}`, {
      detail: created.role,
      at: clock(),
    });
    c.header("Cache-Control", "no-store");
    return c.json(created, 201);
  });

  app.get("/tokens", manageTokens, async (c) => c.json({ tokens: await listTokens(store) }));

  app.delete("/tokens/:token", manageTokens, async (c) => {
    const id = c.req.param("token");
    if (!(await revokeToken(store, id, clock()))) throw apiError("not-found", `no live token ${id}`);
    await auditOnly(store, c.get("actor"), "token-revoke", `token:${id}`, { at: clock() });
    return c.body(null, 204);
  });

  return app;
}
