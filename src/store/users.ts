import type { Db } from "./db.ts";
import type { UsersTable } from "./schema.ts";
import type { Engine } from "./store.ts";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  passwordHash: string | null;
  createdAt: string;
  disabledAt: string | null;
}

/** Desk users, their sessions and one-time sign-in links: every query on those tables. */
export interface UsersRepository {
  insertUser(user: UserRow): Promise<void>;
  userById(id: string): Promise<UserRow | null>;
  userByEmail(email: string): Promise<UserRow | null>;
  listUsers(): Promise<UserRow[]>;
  setPassword(id: string, hash: string): Promise<void>;
  /** Marks the user disabled and revokes every session (run it in a transaction); false when there is no such enabled user. */
  disableUser(id: string, at: string): Promise<boolean>;
}

function toUser(r: UsersTable): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

export function usersRepository(db: Db, _engine: Engine): UsersRepository {
  return {
    async insertUser(u) {
      await db
        .insertInto("users")
        .values({
          id: u.id,
          email: u.email,
          name: u.name,
          role: u.role,
          password_hash: u.passwordHash,
          created_at: u.createdAt,
          disabled_at: u.disabledAt,
        })
        .execute();
    },
    async userById(id) {
      const r = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async userByEmail(email) {
      const r = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
      return r ? toUser(r) : null;
    },
    async listUsers() {
      return (await db.selectFrom("users").selectAll().orderBy("created_at").orderBy("email").execute()).map(toUser);
    },
    async setPassword(id, hash) {
      await db.updateTable("users").set({ password_hash: hash }).where("id", "=", id).execute();
    },
    async disableUser(id, at) {
      {
        const trx = db;
        const result = await trx
          .updateTable("users")
          .set({ disabled_at: at })
          .where("id", "=", id)
          .where("disabled_at", "is", null)
          .executeTakeFirst();
        await trx
          .updateTable("sessions")
          .set({ revoked_at: at })
          .where("user_id", "=", id)
          .where("revoked_at", "is", null)
          .execute();
        return Number(result.numUpdatedRows) > 0;
      }
    },
  };
}
