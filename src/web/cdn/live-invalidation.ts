import { type ArticleChange, watchArticleChanges } from "../../store/changes.ts";
import type { Store } from "../../store/store.ts";
import type { StoreChangeWatcher } from "../cache/freshness.ts";
import { keysForArticle, type RenderCache } from "../cache/render-cache.ts";
import type { PurgeHook } from "./purge.ts";

export interface LiveInvalidation {
  close(): Promise<void>;
}

/** The surrogate keys of the pages a set of article writes changed: article, section (old and new), front, tags. */
export async function keysForChanges(store: Store, changes: ArticleChange[]): Promise<string[]> {
  const ids = [...new Set(changes.map((c) => c.id))];
  const tags = await store.changes.tagsOf(ids);
  const keys = new Set<string>();
  for (const c of changes) {
    const own = tags.filter((t) => t.article_id === c.id);
    for (const key of keysForArticle({ id: c.id, sectionSlug: c.section, tags: own })) keys.add(key);
    if (c.oldSection) for (const key of keysForArticle({ id: c.id, sectionSlug: c.oldSection })) keys.add(key);
  }
  return [...keys];
}

/**
 * Pushes every new revision, from any process, into this server's render cache and to the CDN as
 * it happens (PostgreSQL LISTEN/NOTIFY; polling on SQLite), instead of waiting for the next request.
 */
export async function startLiveInvalidation(options: {
  store: Store;
  cache: RenderCache;
  /** The site's watcher: on PostgreSQL the feed becomes its change token, sparing a probe per request. */
  freshness?: StoreChangeWatcher;
  purge?: PurgeHook | null;
  log?: (line: string) => void;
}): Promise<LiveInvalidation> {
  const { store, cache, purge } = options;
  let writes = 0;
  let connected = true;
  let offline = 0;
  const feed = await watchArticleChanges(store, {
    onChange(changes) {
      writes++;
      keysForChanges(store, changes)
        .then((keys) => {
          cache.invalidate(keys);
          purge?.purge(keys);
        })
        .catch((error) => {
          // Cannot tell what changed: drop this server's cache rather than serve stale pages.
          cache.clear();
          options.log?.(`change feed: ${(error as Error).message}`);
        });
    },
    onResync() {
      connected = true;
      writes++;
      cache.clear();
    },
    onDisconnect() {
      connected = false;
    },
  });
  // Without a cheap version of its own (PostgreSQL), the feed becomes the watcher's change token.
  if (!store.changes.version)
    options.freshness?.useChangeToken(() => (connected ? `live-${writes}` : `offline-${offline++}`));
  return {
    async close() {
      await feed.close();
      await purge?.close();
    },
  };
}
