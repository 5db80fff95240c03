import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";
import type { UserRow } from "./users.ts";

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

export interface SessionsRepository {
  insertSession(session: SessionRow & { address: string | null }): Promise<void>;
  /** The session and its user, whatever their state; the caller decides what is live. */
  sessionWithUser(idHash: string): Promise<{ session: SessionRow; user: UserRow } | null>;
  revokeSession(idHash: string, at: string): Promise<void>;
  revokeUserSessions(userId: string, at: string): Promise<number>;
  insertSignInLink(link: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  /** Marks a live link used and returns its user id; null when unknown, used or expired. */
  useSignInLink(tokenHash: string, now: string): Promise<string | null>;
}

export function sessionsRepository(db: Db, _engine: Engine): SessionsRepository {
  return {
    async insertSession(s) {
      await db
        .insertInto("sessions")
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
          revoked_at: s.revokedAt,
          address: s.address,
        })
        .execute();
    },
    async sessionWithUser(idHash) {
      const r = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .select([
          "sessions.id_hash",
          "sessions.user_id",
          "sessions.csrf_token",
          "sessions.created_at as session_created_at",
          "sessions.expires_at",
          "sessions.revoked_at",
          "users.email",
          "users.name",
          "users.role",
          "users.password_hash",
          "users.created_at",
          "users.disabled_at",
        ])
        .where("sessions.id_hash", "=", idHash)
        .executeTakeFirst();
      if (!r) return null;
      return {
        session: {
          idHash: r.id_hash,
          userId: r.user_id,
          csrfToken: r.csrf_token,
          createdAt: r.session_created_at,
          expiresAt: r.expires_at,
          revokedAt: r.revoked_at,
        },
        user: {
          id: r.user_id,
          email: r.email,
          name: r.name,
          role: r.role,
          passwordHash: r.password_hash,
          createdAt: r.created_at,
          disabledAt: r.disabled_at,
        },
      };
    },
    async revokeSession(idHash, at) {
      await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("id_hash", "=", idHash)
        .where("revoked_at", "is", null)
        .execute();
    },
    async revokeUserSessions(userId, at) {
      const result = await db
        .updateTable("sessions")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async insertSignInLink(link) {
      await db
        .insertInto("sign_in_links")
        .values({ token_hash: link.tokenHash, user_id: link.userId, expires_at: link.expiresAt, used_at: null })
        .execute();
    },
    async useSignInLink(tokenHash, now) {
      const row = await db
        .selectFrom("sign_in_links")
        .select(["user_id", "expires_at"])
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return null;
      // Only the request that flips used_at wins: a link works once even under a race.
      const result = await db
        .updateTable("sign_in_links")
        .set({ used_at: now })
        .where("token_hash", "=", tokenHash)
        .where("used_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? row.user_id : null;
    },
  };
}
