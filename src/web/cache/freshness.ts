import type { Store } from "../../store/store.ts";
import { keysForArticle, type RenderCache } from "./render-cache.ts";

// A save that commits slightly after a later one could carry an older modified_at; looking back
// this far on every change catches it at the cost of re-purging a few recent articles.
const LOOKBACK_MS = 5000;

/**
 * Keeps the render cache true to the store, whichever process wrote to it (CLI import, editorial
 * API, a PostgreSQL worker). Before serving, a request calls `sync()`: one cheap aggregate query,
 * shared by every request that arrives while it runs. When the newest modified_at moves, the
 * articles changed since are purged by key; when rows disappear, everything is.
 */
export class StoreChangeWatcher {
  #lastModified: string | null = null;
  #count = -1;
  #inFlight: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly cache: RenderCache,
  ) {}

  sync(): Promise<void> {
    if (!this.#inFlight) {
      this.#inFlight = this.#probe().finally(() => {
        this.#inFlight = null;
      });
    }
    return this.#inFlight;
  }

  async #probe(): Promise<void> {
    const row = await this.store.db
      .selectFrom("articles")
      .select((eb) => [eb.fn.max("modified_at").as("latest"), eb.fn.countAll<number>().as("n")])
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
