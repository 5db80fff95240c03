import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "../store/store.ts";
import { toUser, type User } from "./users.ts";

/**
 * Server-side desk sessions. The cookie holds a random id; the table holds its sha256, the user,
 * and the session's CSRF token (synchronizer pattern: every state-changing request must echo it).
 * A session ends when it expires, is signed out, or its user is disabled — checked on every request.
 */
const SESSION_HOURS = 12;

export interface Session {
  /** The cookie value; only its hash is stored. */
  id: string;
  csrfToken: string;
  user: User;
  expiresAt: string;
}

function hashId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/** A fresh session (a new id at every sign-in, so a planted id is worthless). */
export async function startSession(
  store: Store,
  user: User,
  address: string | null,
  now = new Date(),
): Promise<Session> {
  const id = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  await store.sessions.insertSession({
    idHash: hashId(id),
    userId: user.id,
    csrfToken,
    createdAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
    address,
  });
  return { id, csrfToken, user, expiresAt };
}

/** The live session a cookie names, or null (unknown, expired, signed out, or its user disabled). */
export async function findSession(store: Store, id: string, now = new Date()): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const found = await store.sessions.sessionWithUser(hashId(id));
  if (!found) return null;
  const { session, user } = found;
  if (session.revokedAt || user.disabledAt || session.expiresAt <= now.toISOString()) return null;
  return { id, csrfToken: session.csrfToken, user: toUser(user), expiresAt: session.expiresAt };
}

export async function endSession(store: Store, id: string, now = new Date()): Promise<void> {
  await store.sessions.revokeSession(hashId(id), now.toISOString());
}

/** Signs a user out everywhere: every session of theirs stops working. */
export async function endAllSessions(store: Store, userId: string, now = new Date()): Promise<number> {
  return store.sessions.revokeUserSessions(userId, now.toISOString());
}

/** Constant-time comparison of a submitted CSRF token with the session's. */
export function csrfMatches(session: Session, submitted: string | undefined | null): boolean {
  if (!submitted) return false;
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
