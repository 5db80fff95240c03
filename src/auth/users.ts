import { createHash, randomBytes } from "node:crypto";
import type { Store } from "../store/store.ts";
import type { UserRow } from "../store/users.ts";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.ts";
import { isRole, type Role } from "./roles.ts";

/** People who sign in to the desk. Roles are those of API tokens; readers need no account. */
export const USER_ROLES = ["writer", "editor", "admin"] as const;

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "UserInputError";
  }
}

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>"]{2,}$/;
const SIGN_IN_LINK_HOURS = 24;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: isRole(row.role) ? row.role : "reader",
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
  };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw new UserInputError("password", `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw new UserInputError("password", "must be at most 1024 characters");
}

export async function createUser(
  store: Store,
  input: { email: string; name: string; role: string; password?: string },
  now = new Date(),
): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new UserInputError("email", `"${input.email}" is not an email address`);
  const name = input.name.trim();
  if (!name || name.length > 100) throw new UserInputError("name", "must be 1-100 characters");
  if (!(USER_ROLES as readonly string[]).includes(input.role))
    throw new UserInputError("role", `must be writer, editor or admin, not "${input.role}"`);
  if (input.password !== undefined) checkPassword(input.password);
  const users = store.users;
  if (await users.userByEmail(email)) throw new UserInputError("email", `a user with ${email} already exists`);
  const row: UserRow = {
    id: randomBytes(9).toString("base64url"),
    email,
    name,
    role: input.role,
    passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    createdAt: now.toISOString(),
    disabledAt: null,
  };
  await users.insertUser(row);
  return toUser(row);
}

export async function listUsers(store: Store): Promise<User[]> {
  return (await store.users.listUsers()).map(toUser);
}

/** Disables a user by id or email; their sessions stop working at once. */
export async function disableUser(store: Store, idOrEmail: string, now = new Date()): Promise<User | null> {
  const users = store.users;
  const row = (await users.userById(idOrEmail)) ?? (await users.userByEmail(normaliseEmail(idOrEmail)));
  if (!row || row.disabledAt) return null;
  await store.transaction((tx) => tx.users.disableUser(row.id, now.toISOString()));
  return toUser({ ...row, disabledAt: now.toISOString() });
}

/** The enabled user with these credentials, or null; as slow for unknown emails as for wrong passwords. */
export async function authenticateUser(store: Store, email: string, password: string): Promise<User | null> {
  const row = await store.users.userByEmail(normaliseEmail(email));
  const ok = await verifyPassword(password, row?.passwordHash ?? null);
  if (!row || !ok || row.disabledAt) return null;
  return toUser(row);
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A one-time sign-in link token (valid for a day); only its hash is stored. */
export async function createSignInLink(store: Store, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await store.sessions.insertSignInLink({
    tokenHash: hashLinkToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_HOURS * 3600_000).toISOString(),
  });
  return token;
}

/** Spends a sign-in link: the enabled user it was made for, or null. */
export async function useSignInLink(store: Store, token: string, now = new Date()): Promise<User | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const userId = await store.sessions.useSignInLink(hashLinkToken(token), now.toISOString());
  if (!userId) return null;
  const row = await store.users.userById(userId);
  return row && !row.disabledAt ? toUser(row) : null;
}

export async function setUserPassword(store: Store, userId: string, password: string): Promise<void> {
  checkPassword(password);
  await store.users.setPassword(userId, await hashPassword(password));
}
