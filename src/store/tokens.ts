import type { Selectable } from "kysely";
import type { Db } from "./db.ts";
import type { ApiTokensTable } from "./schema.ts";
import type { Engine } from "./store.ts";

export type TokenRow = Selectable<ApiTokensTable>;

/** The api_tokens table; hashing and checking secrets stays in src/auth/tokens.ts. */
export interface TokensRepository {
  insert(row: TokenRow): Promise<void>;
  find(id: string): Promise<TokenRow | null>;
  /** Oldest first, without the secret hashes. */
  list(): Promise<Omit<TokenRow, "secret_hash">[]>;
  /** Marks a live token revoked; false when there is no such live token. */
  revoke(id: string, at: Date): Promise<boolean>;
}

export function tokensRepository(db: Db, _engine: Engine): TokensRepository {
  return {
    async insert(row) {
      await db.insertInto("api_tokens").values(row).execute();
    },
    async find(id) {
      return (await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
    },
    list() {
      return db
        .selectFrom("api_tokens")
        .select(["id", "name", "role", "created_at", "revoked_at"])
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },
    async revoke(id, at) {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at.toISOString() })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
