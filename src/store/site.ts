import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

// biome-ignore lint/suspicious/noEmptyInterface: filled as the queries move here
export interface SiteReadRepository {}

export function siteReadRepository(_db: Db, _engine: Engine): SiteReadRepository {
  return {};
}
