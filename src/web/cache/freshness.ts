import type { SqliteStore } from "../../store/sqlite/open-sqlite.ts";
import type { Store } from "../../store/store.ts";
import { RelatedChangeWatcher } from "./related-freshness.ts";
import { keysForArticle, type RenderCache } from "./render-cache.ts";

// A save that commits slightly after a later one could carry an older modified_at; looking back
// this far on every change catches it at the cost of re-purging a few recent articles.
const LOOKBACK_MS = 5000;

const UNCHANGED = Promise.resolve();

/**
 * SQLite answers "did anything commit?" in a few microseconds: total_changes() counts this
 * connection's writes and data_version moves when another connection (another process) commits.
 * Only then is the articles table asked what changed. While this connection is inside a
 * transaction the answer could include uncommitted rows, so the full probe (which waits for the
 * transaction through the query builder) runs instead. PostgreSQL has no such cheap signal: its
 * probe is shared by concurrent requests, and purges from other processes arrive by LISTEN/NOTIFY.
 */
function sqliteChangeToken(store: Store): (() => string) | null {
  if (store.engine !== "sqlite" || !("sqlite" in store)) return null;
  const sqlite = (store as SqliteStore).sqlite;
  const statement = sqlite.prepare("SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v");
  let unique = 0;
  return () => {
    if (sqlite.inTransaction) return `busy-${unique++}`;
    const row = statement.get() as { t: number; v: number };
    return `${row.t}/${row.v}`;
  };
}

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
  #sqliteToken: string | null = null;
  #changeToken: (() => string) | null;
  readonly #related: RelatedChangeWatcher;

  constructor(
    private readonly store: Store,
    private readonly cache: RenderCache,
  ) {
    this.#changeToken = sqliteChangeToken(store);
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
    const row = await this.store.db
      .selectFrom("articles")
      .select((eb) => [
        eb.fn.max("modified_at").as("latest"),
        eb.fn.countAll<number>().as("n"),
        // In the same round trip: PostgreSQL runs this probe for every request.
        eb
          .selectFrom("related_overrides")
          .select((o) => o.fn.countAll<number>().as("n"))
          .as("overrides"),
        eb
          .selectFrom("related_overrides")
          .select((o) => o.fn.max("created_at").as("m"))
          .as("overridesLatest"),
      ])
      .executeTakeFirstOrThrow();
    const latest = (row.latest as string | null) ?? null;
    const count = Number(row.n);
    if (this.#count === -1 || count < this.#count) {
      if (this.#count !== -1) this.cache.clear();
    } else if (latest !== this.#lastModified && latest !== null) {
      await this.#purgeSince(this.#lastModified);
    }
    this.#lastModified = latest;
    this.#count = count;
    // Pins, exclusions and recomputed related stories change pages without a new revision.
    await this.#related.probe(`${Number(row.overrides)}/${row.overridesLatest ?? ""}`);
  }

  async #purgeSince(since: string | null): Promise<void> {
    if (since === null) {
      this.cache.clear();
      return;
    }
    const from = new Date(new Date(since).getTime() - LOOKBACK_MS).toISOString();
    const changed = await this.store.db
      .selectFrom("articles")
      .select(["id", "section_slug"])
      .where("modified_at", ">", from)
      .execute();
    if (changed.length === 0) return;
    this.#related.track(changed.map((c) => c.id));
    const tags = await this.store.db
      .selectFrom("article_entities")
      .select(["article_id", "kind", "tag"])
      .where(
        "article_id",
        "in",
        changed.map((c) => c.id),
      )
      .execute();
    for (const c of changed) {
      const own = tags.filter((t) => t.article_id === c.id);
      this.cache.invalidate(keysForArticle({ id: c.id, sectionSlug: c.section_slug, tags: own }));
    }
  }
}
