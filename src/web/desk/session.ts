import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrfMatches, findSession, type Session } from "../../auth/sessions.ts";
import type { Actor } from "../../editorial/actor.ts";
import { ForbiddenError } from "../../editorial/errors.ts";
import type { Store } from "../../store/store.ts";

/**
 * The desk's session cookie: HttpOnly, SameSite=Lax, and Secure (with the __Host- prefix) when the
 * site is served over HTTPS. State-changing requests must also carry the session's CSRF token
 * (header X-CSRF-Token from scripts, field `csrf` from forms) and, when the browser sends one, an
 * Origin of this site.
 */
const PLAIN_NAME = "nd_session";
const SECURE_NAME = "__Host-nd_session";

export function isSecure(baseUrl: string): boolean {
  return baseUrl.startsWith("https:");
}

function cookieName(baseUrl: string): string {
  return isSecure(baseUrl) ? SECURE_NAME : PLAIN_NAME;
}

export function setSessionCookie(c: Context, baseUrl: string, session: Session): void {
  setCookie(c, cookieName(baseUrl), session.id, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure(baseUrl),
    path: "/",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context, baseUrl: string): void {
  deleteCookie(c, cookieName(baseUrl), { path: "/", secure: isSecure(baseUrl) });
}

/** The session cookie, under either name (the editorial API does not know the site's scheme). */
export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SECURE_NAME) ?? getCookie(c, PLAIN_NAME);
}

/** The live session of this request, memoised per request. */
export async function currentSession(c: Context, store: Store): Promise<Session | null> {
  const cached = c.get("deskSession" as never) as Session | null | undefined;
  if (cached !== undefined) return cached;
  const id = sessionCookie(c);
  const session = id ? await findSession(store, id) : null;
  c.set("deskSession" as never, session as never);
  return session;
}

export function isStateChanging(method: string): boolean {
  return !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/** Whether the request's Origin (when sent) is this site: browsers send it on every cross-site POST. */
export function sameOrigin(c: Context, baseUrl?: string): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  if (origin === "null") return false;
  const host = c.req.header("host");
  const ownHost = (() => {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  })();
  return (
    ownHost || origin === new URL(c.req.url).origin || (baseUrl !== undefined && origin === new URL(baseUrl).origin)
  );
}

/** A 403 to the API (it is a ForbiddenError); the desk shows its message. */
export class CsrfError extends ForbiddenError {
  constructor() {
    super("this request did not come from a desk page (missing or wrong CSRF token); reload the page and try again");
    this.name = "CsrfError";
  }
}

/** Refuses a state-changing request without the session's CSRF token or from another origin. */
export function checkCsrf(c: Context, session: Session, formToken?: string, baseUrl?: string): void {
  if (!isStateChanging(c.req.method)) return;
  const token = c.req.header("x-csrf-token") ?? formToken;
  if (!sameOrigin(c, baseUrl) || !csrfMatches(session, token)) throw new CsrfError();
}

export function sessionActor(session: Session, address?: string): Actor {
  return { id: `user:${session.user.id}`, name: session.user.name, role: session.user.role, address };
}
