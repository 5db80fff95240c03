import type { SiteConfig } from "../config/site-config.ts";
import type { Store } from "../store/store.ts";
import type { StoreChangeWatcher } from "./cache/freshness.ts";
import type { RenderCache } from "./cache/render-cache.ts";
import type { Messages } from "./i18n/messages.ts";
import type { TimeFormat } from "./pages/format.ts";

/** Everything a page needs to know about the site it belongs to. */
export interface Site {
  store: Store;
  /** Public base URL for canonical links, feeds and sitemaps (from --base-url or the config). */
  baseUrl: string;
  name: string;
  description: string;
  /** Language of the site's own pages (home, sections); articles carry their own. */
  language: string;
  /** The newsroom's settings (newsdesk.config.json): sections, footer, logo, time zone. */
  config: SiteConfig;
  /** The interface's words in the site's language. */
  t: Messages;
  /** Dates and times in the configured time zone and language. */
  time: TimeFormat;
  /** The clock relative times are measured against (tests pass their own). */
  now: () => number;
  cache: RenderCache;
  /** Purges the cache of articles changed by any process; awaited before a cached page is served. */
  freshness: StoreChangeWatcher;
}
