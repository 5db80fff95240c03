import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "../store/store.ts";
import { isRole, type Role } from "./roles.ts";

/**
 * API tokens look like `nd_<id>_<secret>`. The id finds the row; only sha256(secret) is stored and
 * compared in constant time, so a leaked database does not leak usable tokens.
 */
const TOKEN_PATTERN = /^nd_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedToken extends TokenInfo {
  /** The secret token: shown once, never stored. */
  token: string;
}

function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret).digest();
}

function randomId(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join("");
}

export async function createToken(store: Store, role: Role, name: string, now = new Date()): Promise<CreatedToken> {
  const id = randomId();
  const secret = randomBytes(32).toString("base64url");
  const createdAt = now.toISOString();
  await store.tokens.insert({
    id,
    name,
    role,
    secret_hash: hashSecret(secret).toString("hex"),
    created_at: createdAt,
    revoked_at: null,
  });
  return { id, name, role, createdAt, revokedAt: null, token: `nd_${id}_${secret}` };
}

/** The live token a bearer string names, or null (unknown, malformed, revoked or wrong secret). */
export async function verifyToken(store: Store, bearer: string): Promise<TokenInfo | null> {
  const match = TOKEN_PATTERN.exec(bearer);
  if (!match) return null;
  const row = await store.tokens.find(match[1]);
  if (!row || row.revoked_at !== null || !isRole(row.role)) return null;
  const expected = Buffer.from(row.secret_hash, "hex");
  const given = hashSecret(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, revokedAt: null };
}

export async function listTokens(store: Store): Promise<TokenInfo[]> {
  const rows = await store.tokens.list();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a token; false when there is no such live token. */
export function revokeToken(store: Store, id: string, now = new Date()): Promise<boolean> {
  return store.tokens.revoke(id, now);
}
