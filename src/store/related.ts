import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

// biome-ignore lint/suspicious/noEmptyInterface: filled as the queries move here
export interface RelatedRepository {}

export function relatedRepository(_db: Db, _engine: Engine): RelatedRepository {
  return {};
}
