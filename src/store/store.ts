import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export type Engine = "sqlite" | "postgres";

/**
 * The one interface every feature talks to. Both engines expose the same Kysely query
 * builder over the same tables; the few engine-specific parts (full-text search, locking,
 * notifications) branch on `engine` inside the module that needs them.
 */
export interface Store {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /** Where the store lives: a file path or a postgres:// URL (password removed). */
  readonly location: string;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}
