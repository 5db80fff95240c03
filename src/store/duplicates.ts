import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

// biome-ignore lint/suspicious/noEmptyInterface: filled as the queries move here
export interface DuplicateRepository {}

export function duplicateRepository(_db: Db, _engine: Engine): DuplicateRepository {
  return {};
}
