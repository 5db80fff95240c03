import type { Store } from "../../store/store.ts";
import { RelatedChangeWatcher } from "./related-freshness.ts";
import { FRONT_KEY, keysForArticle, type RenderCache } from "./render-cache.ts";

// A save that commits slightly after a later one could carry an older modified_at; looking back
// this far on every change catches it at the cost of re-purging a few recent articles.
const LOOKBACK_MS = 5000;

const UNCHANGED = Promise.resolve();

/**
 * Keeps the render cache true to the store, whichever process wrote to it (CLI import, editorial
 * API, a PostgreSQL worker). Before serving, a request calls `sync()`: on SQLite a change token
 * read in microseconds, on PostgreSQL one aggregate query shared by every request that arrives
 * while it runs. When the newest modified_at moves, the
 * articles changed since are purged by key; when rows disappear, everything is.
 */
export class StoreChangeWatcher {
  #lastModified: string | null = null;
  #count = -1;
  #inFlight: Promise<void> | null = null;
  #settings: string | null = null;
  #sqliteToken: string | null = null;
  #changeToken: (() => string) | null;
  readonly #related: RelatedChangeWatcher;

  constructor(
    private readonly store: Store,
    private readonly cache: RenderCache,
  ) {
    // SQLite answers "did anything commit?" in microseconds (the changes repository's version);
    // only then is the articles table asked what changed. PostgreSQL has no such cheap signal: its
    // probe is shared by concurrent requests, and purges from other processes arrive by LISTEN/NOTIFY.
    this.#changeToken = store.changes.version;
    this.#related = new RelatedChangeWatcher(store, cache);
  }

  sync(): Promise<void> {
    if (this.#changeToken) {
      const token = this.#changeToken();
      if (token === this.#sqliteToken) return UNCHANGED;
      this.#sqliteToken = token;
      // Something committed after any probe already running began: queue a fresh one behind it.
      const probe = (this.#inFlight ?? UNCHANGED).then(() => this.#probe());
      this.#inFlight = probe;
      return probe.then(
        () => this.#settled(probe),
        (error: unknown) => {
          this.#sqliteToken = null; // try again on the next request
          this.#settled(probe);
          throw error;
        },
      );
    }
    if (!this.#inFlight) {
      this.#inFlight = this.#probe().finally(() => {
        this.#inFlight = null;
      });
    }
    return this.#inFlight;
  }

  /**
   * Engines without a cheap token of their own (PostgreSQL) get one from a live change feed
   * (LISTEN/NOTIFY, src/web/cdn/live-invalidation.ts): it moves on every notified write, and on
   * every call while the feed is disconnected, so requests probe only when something changed.
   */
  useChangeToken(token: () => string): void {
    this.#changeToken = token;
    this.#sqliteToken = null;
  }

  /**
   * True when the cache is known to be current without waiting: SQLite's change token has not
   * moved and no probe is running. The server's fast path serves from the cache only then.
   */
  isCurrent(): boolean {
    if (!this.#changeToken || this.#inFlight) return false;
    return this.#changeToken() === this.#sqliteToken;
  }

  #settled(probe: Promise<void>): void {
    if (this.#inFlight === probe) this.#inFlight = null;
  }

  async #probe(): Promise<void> {
    const { latest, count, overrides } = await this.store.changes.snapshot();
    if (this.#count === -1 || count < this.#count) {
      if (this.#count !== -1) this.cache.clear();
    } else if (latest !== this.#lastModified && latest !== null) {
      await this.#purgeSince(this.#lastModified);
    }
    this.#lastModified = latest;
    this.#count = count;
    // Pins, exclusions and recomputed related stories change pages without a new revision.
    await this.#related.probe(overrides);
    // Curated fronts and the breaking banner (site settings) change the fronts without a revision.
    const settings = await this.store.site.settingsStamp();
    if (this.#settings !== null && settings !== this.#settings) this.cache.invalidate([FRONT_KEY]);
    this.#settings = settings;
  }

  async #purgeSince(since: string | null): Promise<void> {
    if (since === null) {
      this.cache.clear();
      return;
    }
    const from = new Date(new Date(since).getTime() - LOOKBACK_MS).toISOString();
    const changed = await this.store.changes.changedSince(from);
    if (changed.length === 0) return;
    this.#related.track(changed.map((c) => c.id));
    for (const c of changed) this.cache.invalidate(keysForArticle(c));
  }
}
