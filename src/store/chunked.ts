import type { Insertable, Kysely, Transaction } from "kysely";
import type { Database } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Inserts rows in chunks that stay under both engines' bound-parameter limits. */
export async function insertChunked<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk = 400,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    // Kysely cannot relate a generic table name to its row type, so the values are passed untyped.
    await db
      .insertInto(table)
      .values(part as never)
      .execute();
  }
}

/** Splits a list for `IN (…)` queries. */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
