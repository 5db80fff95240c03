/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { randomBytes } from "node:crypto";
import { type Context, Hono, type Next } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { type RateLimit, RateLimiter } from "../../auth/rate-limit.ts";
import { endAllSessions, endSession, type Session, startSession } from "../../auth/sessions.ts";
import { authenticateUser, normaliseEmail, setUserPassword, UserInputError, useSignInLink } from "../../auth/users.ts";
import { quoteSpeakers } from "../../blocks/quote/speakers.ts";
import { type Clock, systemClock } from "../../editorial/clock.ts";
import { diffDocuments } from "../../editorial/diff.ts";
import { setEnrichmentDecision } from "../../editorial/enrichment-decisions.ts";
import { applyTransition, articleHistory } from "../../editorial/workflow.ts";
import type { Article } from "../../model/article.ts";
import { socketAddress } from "../api/editorial/http.ts";
import { type ApiErrorBody, onApiError } from "../api/errors.ts";
import { NO_STORE } from "../cache/http.ts";
import { ArticlePage } from "../pages/article.tsx";
import { renderDocument } from "../pages/layout.tsx";
import { withComputedRelated } from "../pages/related.ts";
import { articleRefs, listSections } from "../queries.ts";
import type { Site } from "../site.ts";
import { deskBundle } from "./bundle.ts";
import { DESK_CSS } from "./desk-css.ts";
import {
  DESK_STATUSES,
  DeskMessagePage,
  EditorPage,
  type EnrichmentView,
  HistoryPage,
  LoginPage,
  PasswordPage,
  StoryListPage,
} from "./pages.tsx";
import {
  CsrfError,
  checkCsrf,
  clearSessionCookie,
  currentSession,
  isSecure,
  sameOrigin,
  sessionActor,
  sessionCookie,
  setSessionCookie,
} from "./session.ts";

export interface DeskOptions {
  clock?: Clock;
  /** Sign-in attempts per client address and per email; `false` turns limiting off. */
  signInLimits?: { perAddress: RateLimit; perEmail: RateLimit } | false;
  clientAddress?: (c: Context) => string;
  /** Idle time before the editor autosaves a draft, in ms; 0 turns autosave off (default 3000). */
  autosaveMs?: number;
}

export const DEFAULT_AUTOSAVE_MS = 3000;

export const DEFAULT_SIGN_IN_LIMITS = {
  perAddress: { perMinute: 10, burst: 20 },
  perEmail: { perMinute: 5, burst: 10 },
};

const LOGIN_CSRF_COOKIE = "nd_login";
const DESK_HEADERS: Record<string, string> = {
  "Cache-Control": NO_STORE,
  "Content-Security-Policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};
const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

type DeskEnv = { Variables: { session: Session } };

/** The desk at /desk: sign-in, the story list, the editor, history, preview. */
export function deskRoutes(site: Site, options: DeskOptions = {}): Hono<DeskEnv> {
  const { store } = site;
  const clock = options.clock ?? systemClock;
  const limits = options.signInLimits === undefined ? DEFAULT_SIGN_IN_LIMITS : options.signInLimits;
  const now = () => clock().getTime();
  const byAddress = limits ? new RateLimiter(limits.perAddress, now) : null;
  const byEmail = limits ? new RateLimiter(limits.perEmail, now) : null;
  const addressOf = options.clientAddress ?? socketAddress;
  const stories = store.deskStories;
  const autosaveMs = options.autosaveMs ?? DEFAULT_AUTOSAVE_MS;
  const app = new Hono<DeskEnv>();

  const page = async (c: Context, body: unknown, status = 200) => {
    for (const [k, v] of Object.entries(DESK_HEADERS)) c.header(k, v);
    return c.html(await renderDocument(body as never), status as 200);
  };

  app.get("/assets/desk.js", async (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(new Uint8Array(await deskBundle()));
  });
  app.get("/assets/desk.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "no-cache");
    return c.body(DESK_CSS);
  });

  /** Double-submit token for the sign-in forms, which have no session yet. */
  const loginCsrf = (c: Context) => {
    const token = randomBytes(24).toString("base64url");
    setCookie(c, LOGIN_CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: isSecure(site.baseUrl),
      path: "/desk",
    });
    return token;
  };
  const loginCsrfOk = (c: Context, submitted: unknown) => {
    const cookie = getCookie(c, LOGIN_CSRF_COOKIE);
    return typeof submitted === "string" && !!cookie && submitted === cookie && sameOrigin(c, site.baseUrl);
  };

  /** A new session for `user`: any session this browser had is ended first (no fixation). */
  const signIn = async (c: Context, user: Parameters<typeof startSession>[1]) => {
    const old = sessionCookie(c);
    if (old) await endSession(store, old, clock());
    const session = await startSession(store, user, addressOf(c), clock());
    setSessionCookie(c, site.baseUrl, session);
    return session;
  };

  app.get("/login", async (c) => page(c, <LoginPage csrf={loginCsrf(c)} />));

  app.post("/login", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email : "";
    const password = typeof form.password === "string" ? form.password : "";
    const again = (error: string, status: number) =>
      page(c, <LoginPage csrf={loginCsrf(c)} error={error} email={email} />, status);
    if (!loginCsrfOk(c, form.csrf)) return again("The sign-in form expired or came from another site. Try again.", 403);
    for (const [limiter, key] of [
      [byAddress, `address:${addressOf(c)}`],
      [byEmail, `email:${normaliseEmail(email)}`],
    ] as const) {
      const decision = limiter?.take(key);
      if (decision && !decision.allowed) {
        c.header("Retry-After", String(decision.retryAfterSeconds));
        return again(`Too many sign-in attempts. Try again in ${decision.retryAfterSeconds} seconds.`, 429);
      }
    }
    const user = email && password ? await authenticateUser(store, email, password) : null;
    if (!user) return again("The email or password is not right, or the account is disabled.", 401);
    await signIn(c, user);
    return c.redirect("/desk", 303);
  });

  app.get("/sign-in/:token", async (c) =>
    page(c, <LoginPage csrf={loginCsrf(c)} action={`/desk/sign-in/${c.req.param("token")}`} linkSignIn />),
  );

  app.post("/sign-in/:token", async (c) => {
    const form = await c.req.parseBody();
    if (!loginCsrfOk(c, form.csrf)) return c.redirect(`/desk/sign-in/${c.req.param("token")}`, 303);
    const user = await useSignInLink(store, c.req.param("token"), clock());
    if (!user)
      return page(
        c,
        <LoginPage csrf={loginCsrf(c)} error="This sign-in link is not valid: it was used already or has expired." />,
        401,
      );
    await signIn(c, user);
    return c.redirect("/desk/password", 303);
  });

  // Everything below needs a live session; state-changing forms also need its CSRF token.
  app.use("*", async (c: Context, next: Next) => {
    const session = await currentSession(c, store);
    if (!session) {
      if (c.req.method === "GET") return c.redirect("/desk/login", 303);
      for (const [k, v] of Object.entries(DESK_HEADERS)) c.header(k, v);
      return c.text("Sign in first.", 401);
    }
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const type = c.req.header("content-type") ?? "";
      const form = /form/i.test(type) ? await c.req.parseBody() : {};
      try {
        checkCsrf(c, session, typeof form.csrf === "string" ? form.csrf : undefined, site.baseUrl);
      } catch (error) {
        if (error instanceof CsrfError) {
          return page(c, <DeskMessagePage title="Refused" message={error.message} />, 403);
        }
        throw error;
      }
    }
    c.set("session", session);
    await next();
  });

  app.post("/logout", async (c) => {
    await endSession(store, c.get("session").id, clock());
    clearSessionCookie(c, site.baseUrl);
    return c.redirect("/desk/login", 303);
  });

  app.post("/logout-everywhere", async (c) => {
    await endAllSessions(store, c.get("session").user.id, clock());
    clearSessionCookie(c, site.baseUrl);
    return c.redirect("/desk/login", 303);
  });

  app.get("/password", (c) => {
    const s = c.get("session");
    return page(c, <PasswordPage user={s.user} csrf={s.csrfToken} />);
  });

  app.post("/password", async (c) => {
    const s = c.get("session");
    const form = await c.req.parseBody();
    try {
      await setUserPassword(store, s.user.id, typeof form.password === "string" ? form.password : "");
    } catch (error) {
      if (error instanceof UserInputError)
        return page(c, <PasswordPage user={s.user} csrf={s.csrfToken} error={`The ${error.message}`} />, 400);
      throw error;
    }
    return c.redirect("/desk", 303);
  });

  app.get("/", async (c) => {
    const s = c.get("session");
    const status = c.req.query("status") || undefined;
    const filter = {
      status: status && (DESK_STATUSES as readonly string[]).includes(status) ? status : undefined,
      section: c.req.query("section") || undefined,
      author: c.req.query("author") || undefined,
      search: (c.req.query("q") ?? "").slice(0, 200) || undefined,
    };
    const [list, sections, authors] = await Promise.all([
      stories.listStories(filter),
      stories.sections(),
      stories.authors(),
    ]);
    return page(
      c,
      <StoryListPage
        user={s.user}
        csrf={s.csrfToken}
        stories={list}
        filter={filter}
        sections={sections}
        authors={authors}
      />,
    );
  });

  app.get("/stories/new", async (c) => {
    const s = c.get("session");
    return page(
      c,
      <EditorPage
        user={s.user}
        csrf={s.csrfToken}
        id={null}
        revision={0}
        article={null}
        autosaveMs={autosaveMs}
        sections={await stories.sections()}
        enrichment={null}
      />,
    );
  });

  const notFound = (c: Context) =>
    page(c, <DeskMessagePage title="Not found" message="There is no such story." />, 404);

  app.get("/stories/:id", async (c) => {
    const s = c.get("session");
    const id = c.req.param("id");
    const stored = ARTICLE_ID.test(id) ? await store.articles.get(id) : null;
    if (!stored || stored.article.id !== id) return notFound(c);
    return page(
      c,
      <EditorPage
        user={s.user}
        csrf={s.csrfToken}
        id={id}
        revision={stored.revision}
        article={stored.article}
        autosaveMs={autosaveMs}
        sections={await stories.sections()}
        enrichment={enrichmentView(stored.article)}
      />,
    );
  });

  app.get("/stories/:id/history", async (c) => {
    const s = c.get("session");
    const id = c.req.param("id");
    const stored = ARTICLE_ID.test(id) ? await store.articles.get(id) : null;
    if (!stored || stored.article.id !== id) return notFound(c);
    const revisions = await store.articles.revisions(id);
    // Each revision against the one before it: what that save changed, field by field.
    const docs = new Map<number, Article | null>();
    for (const r of revisions) docs.set(r.revision, await store.articles.revision(id, r.revision));
    const withChanges = revisions.map((r) => ({
      ...r,
      changes: diffDocuments(docs.get(r.revision - 1) ?? {}, docs.get(r.revision) ?? {}).filter(
        (ch) => !/^(people|organisations|places|quotes|figures)\b/.test(ch.path),
      ),
    }));
    return page(
      c,
      <HistoryPage
        user={s.user}
        csrf={s.csrfToken}
        id={id}
        headline={stored.article.headline}
        revisions={withChanges}
        events={await articleHistory(store, id)}
      />,
    );
  });

  app.post("/stories/:id/revisions/:revision/restore", async (c) => {
    const s = c.get("session");
    const id = c.req.param("id");
    const revision = Number(c.req.param("revision"));
    const stored = ARTICLE_ID.test(id) ? await store.articles.get(id) : null;
    if (!stored || !Number.isInteger(revision)) return notFound(c);
    try {
      await applyTransition(store, "restore-revision", {
        actor: sessionActor(s, addressOf(c)),
        id,
        expectedRevision: stored.revision,
        now: clock(),
        params: { revision },
      });
    } catch (error) {
      return errorPage(c, error);
    }
    return c.redirect(`/desk/stories/${id}/history`, 303);
  });

  app.post("/stories/:id/decisions", async (c) => {
    const s = c.get("session");
    const id = c.req.param("id");
    const form = await c.req.parseBody();
    const stored = ARTICLE_ID.test(id) ? await store.articles.get(id) : null;
    if (!stored) return notFound(c);
    try {
      await setEnrichmentDecision(
        store,
        sessionActor(s, addressOf(c)),
        id,
        { kind: form.kind, subject: form.subject, value: form.value },
        stored.revision,
        clock(),
      );
    } catch (error) {
      return errorPage(c, error);
    }
    return c.redirect(`/desk/stories/${id}#enrichment-heading`, 303);
  });

  /** An editorial error as a desk page with the API's status and message. */
  const errorPage = async (c: Context, error: unknown) => {
    const response = onApiError(error as Error, c);
    const { error: body } = (await response.json()) as ApiErrorBody;
    const detail = body.issues?.map((i) => `${i.path}: ${i.message}`).join("; ");
    return page(
      c,
      <DeskMessagePage title="Not done" message={`${body.message}${detail ? ` (${detail})` : ""}`} />,
      response.status,
    );
  };

  app.get("/stories/:id/preview", async (c) => {
    const id = c.req.param("id");
    const stored = ARTICLE_ID.test(id) ? await store.articles.get(id) : null;
    if (!stored || stored.article.id !== id) return notFound(c);
    const { article } = stored;
    const blocks = withComputedRelated(article.blocks, []);
    const relatedIds = blocks.flatMap((b) =>
      b.type === "related-stories" ? b.items.flatMap((i) => (i.articleId ? [i.articleId] : [])) : [],
    );
    const [sections, refs] = await Promise.all([listSections(store), articleRefs(store, relatedIds)]);
    const html = await renderDocument(
      <ArticlePage
        site={site}
        article={{ ...article, blocks }}
        modifiedAt={stored.modifiedAt}
        sections={sections}
        ctx={{ refs, speakers: quoteSpeakers(article) }}
        latest={[]}
      />,
    );
    c.header("Cache-Control", NO_STORE);
    c.header("X-Robots-Tag", "noindex");
    return c.html(html);
  });

  return app;
}

export function enrichmentView(article: Article): EnrichmentView {
  return {
    people: article.people.map((p) => p.name),
    organisations: article.organisations.map((o) => o.name),
    places: article.places.map((p) => p.name),
    quotes: article.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
  };
}
