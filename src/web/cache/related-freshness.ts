import type { Store } from "../../store/store.ts";
import { articleKey, type RenderCache } from "./render-cache.ts";

// Articles changed this long ago have had their related stories computed, and pages rendered
// before that have expired from the render cache anyway (its maxAgeMs).
const MAX_TRACKED = 1000;

/**
 * Related stories change without a new article revision: an editor pins or excludes a story, and
 * the related lists are recomputed (after the article's own commit, in a later transaction) when
 * stories arrive. This finds those changes cheaply on each freshness probe and purges the pages
 * that show them:
 *
 * - editor overrides: a count and newest time of the (small) overrides table; only when that
 *   moves is the table read and compared per article, so only the pages of articles whose pins
 *   or exclusions changed are purged;
 * - computed links: for recently changed articles only, the links to and from them are compared
 *   with what the last probe saw, so a page rendered between an article's commit and its related
 *   stories' commit is purged once they land.
 */
export class RelatedChangeWatcher {
  #overridesFingerprint: string | null = null;
  #overrides = new Map<string, string>();
  /** Recently changed article id → when it was first seen changing. */
  #tracked = new Map<string, number>();
  /** Tracked article id → its links ("out b score", "in a score") as last seen. */
  #links = new Map<string, Set<string>>();

  constructor(
    private readonly store: Store,
    private readonly cache: RenderCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** Articles whose related stories may still be (re)computed: watch their links for a while. */
  track(ids: Iterable<string>): void {
    const at = this.now();
    for (const id of ids) if (!this.#tracked.has(id)) this.#tracked.set(id, at);
    // Oldest first out: a Map iterates in insertion order.
    for (const id of this.#tracked.keys()) {
      if (this.#tracked.size <= MAX_TRACKED) break;
      this.#forget(id);
    }
  }

  /** `overrides`: the overrides table's row count and newest time, read with the articles probe. */
  async probe(overrides: string): Promise<void> {
    await this.#probeOverrides(overrides);
    await this.#probeLinks();
  }

  #forget(id: string): void {
    this.#tracked.delete(id);
    this.#links.delete(id);
  }

  #purge(ids: Iterable<string>): void {
    this.cache.invalidate([...ids].map(articleKey));
  }

  async #probeOverrides(fingerprint: string): Promise<void> {
    if (fingerprint === this.#overridesFingerprint) return;
    const first = this.#overridesFingerprint === null;
    this.#overridesFingerprint = fingerprint;
    const rows = await this.store.related.allOverrides();
    const next = new Map<string, string>();
    for (const r of rows) {
      next.set(r.article_id, `${next.get(r.article_id) ?? ""}${r.other_id} ${r.action} ${r.created_at}\n`);
    }
    const previous = this.#overrides;
    this.#overrides = next;
    if (first) return;
    const changed = new Set<string>();
    for (const [id, signature] of next) if (previous.get(id) !== signature) changed.add(id);
    for (const id of previous.keys()) if (!next.has(id)) changed.add(id);
    this.#purge(changed);
  }

  async #probeLinks(): Promise<void> {
    const cutoff = this.now() - this.cache.maxAgeMs;
    for (const [id, at] of this.#tracked) if (at < cutoff) this.#forget(id);
    if (this.#tracked.size === 0) return;
    const ids = [...this.#tracked.keys()];
    const next = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
    for (const r of await this.store.related.linksTouching(ids)) {
      // Rounded: both engines must read back the same score, and only the order matters to a page.
      const score = r.score.toFixed(6);
      next.get(r.article_id)?.add(`out ${r.related_id} ${score}`);
      next.get(r.related_id)?.add(`in ${r.article_id} ${score}`);
    }
    const purge = new Set<string>();
    for (const [id, links] of next) {
      const seen = this.#links.get(id);
      const differing = seen
        ? [...links].filter((l) => !seen.has(l)).concat([...seen].filter((l) => !links.has(l)))
        : [...links];
      if (differing.length === 0) continue;
      purge.add(id);
      for (const l of differing) purge.add(l.split(" ")[1]);
    }
    this.#links = next;
    this.#purge(purge);
  }
}
