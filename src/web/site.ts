import type { Store } from "../store/store.ts";
import type { StoreChangeWatcher } from "./cache/freshness.ts";
import type { RenderCache } from "./cache/render-cache.ts";

/** Everything a page needs to know about the site it belongs to. */
export interface Site {
  store: Store;
  /** Public base URL for canonical links, feeds and sitemaps (from --base-url). */
  baseUrl: string;
  name: string;
  description: string;
  /** Language of the site's own pages (home, sections); articles carry their own. */
  language: string;
  cache: RenderCache;
  /** Purges the cache of articles changed by any process; awaited before a cached page is served. */
  freshness: StoreChangeWatcher;
}
