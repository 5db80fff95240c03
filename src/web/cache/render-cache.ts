import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/**
 * Responses rendered once and served many times: the body with its compressed forms and
 * validators made at render time, so a cache hit costs a map lookup. Each entry is tagged with
 * surrogate keys (article, section, tag, front) — the same keys the Surrogate-Key header gives a
 * CDN — so one `invalidate(keys)` purges this process and can be mirrored to the CDN.
 */
export interface Rendered {
  status: number;
  contentType: string;
  body: Buffer<ArrayBuffer>;
  gzip: Buffer<ArrayBuffer> | null;
  br: Buffer<ArrayBuffer> | null;
  etag: string;
  lastModified: string | null;
  cacheControl: string;
  keys: string[];
  headers: Record<string, string>;
  /** Kept at most this long when shorter than the cache's own limit ("5 minutes ago", a banner's expiry). */
  maxAgeMs?: number;
}

export interface RenderInput {
  status?: number;
  contentType: string;
  body: string | Buffer<ArrayBuffer>;
  lastModified?: string | null;
  cacheControl: string;
  keys?: string[];
  /** Extra headers such as the Content-Security-Policy of HTML pages. */
  headers?: Record<string, string>;
  /** A validator with meaning beyond the bytes (an article's revision, usable in If-Match); else a hash. */
  etag?: string;
  /** Drop the rendered page after this long (relative times, a banner that expires). */
  maxAgeMs?: number;
}

// Small bodies gain nothing from compression and cost CPU.
const MIN_COMPRESS_BYTES = 512;

export function renderResponse(input: RenderInput): Rendered {
  const body = typeof input.body === "string" ? Buffer.from(input.body) : input.body;
  const compress = body.length >= MIN_COMPRESS_BYTES;
  const lastModified = input.lastModified ? new Date(input.lastModified) : null;
  return {
    status: input.status ?? 200,
    contentType: input.contentType,
    body,
    gzip: compress ? gzipSync(body, { level: 9 }) : null,
    br: compress
      ? brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : null,
    etag: input.etag ?? `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`,
    lastModified: lastModified && !Number.isNaN(lastModified.getTime()) ? lastModified.toUTCString() : null,
    cacheControl: input.cacheControl,
    keys: input.keys ?? [],
    headers: input.headers ?? {},
    maxAgeMs: input.maxAgeMs,
  };
}

export const FRONT_KEY = "front";
// Keys travel in a Surrogate-Key header, which carries ASCII only: slugs of other scripts are %-encoded.
export const articleKey = (id: string) => `article-${id}`;
export const sectionKey = (sectionSlug: string) => `section-${encodeURIComponent(sectionSlug)}`;
export const tagKey = (kind: string, tag: string) => `tag-${kind}-${encodeURIComponent(tag)}`;

export class RenderCache {
  readonly #entries = new Map<string, Rendered>();
  readonly #pathsByKey = new Map<string, Set<string>>();

  readonly #storedAt = new Map<string, number>();
  /** Expired entries kept for `stale-if-error`: served only when the store cannot be reached. */
  readonly #expired = new Map<string, Rendered>();

  /**
   * `maxAgeMs` bounds how long a page may show derived data no probe notices (e.g. a full related
   * rebuild); revisions, pins and recomputed related stories purge at once (freshness.ts).
   */
  constructor(
    readonly maxEntries = 5000,
    readonly maxAgeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(path: string): Rendered | undefined {
    const entry = this.#entries.get(path);
    if (
      entry &&
      this.now() - (this.#storedAt.get(path) ?? 0) > Math.min(entry.maxAgeMs ?? this.maxAgeMs, this.maxAgeMs)
    ) {
      this.delete(path);
      this.#expired.set(path, entry);
      if (this.#expired.size > this.maxEntries) this.#expired.delete(this.#expired.keys().next().value!);
      return undefined;
    }
    return entry;
  }

  /**
   * The last copy of a page, current or expired, for when the store is down (`stale-if-error`).
   * A purged page has none: a withdrawn story must not come back during an outage.
   */
  stale(path: string): Rendered | undefined {
    return this.#entries.get(path) ?? this.#expired.get(path);
  }

  set(path: string, entry: Rendered): void {
    this.delete(path);
    this.#expired.delete(path);
    // Oldest first out: a Map iterates in insertion order.
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.delete(oldest);
    }
    this.#entries.set(path, entry);
    this.#storedAt.set(path, this.now());
    for (const key of entry.keys) {
      const paths = this.#pathsByKey.get(key) ?? new Set<string>();
      paths.add(path);
      this.#pathsByKey.set(key, paths);
    }
  }

  delete(path: string): void {
    const entry = this.#entries.get(path);
    if (!entry) return;
    this.#entries.delete(path);
    this.#storedAt.delete(path);
    for (const key of entry.keys) this.#pathsByKey.get(key)?.delete(path);
  }

  /** Drops every entry tagged with any of the keys; returns how many were dropped. */
  invalidate(keys: Iterable<string>): number {
    let dropped = 0;
    for (const key of keys) {
      const paths = this.#pathsByKey.get(key);
      if (!paths) continue;
      for (const path of [...paths]) {
        this.delete(path);
        dropped++;
      }
      for (const [path, entry] of this.#expired) if (entry.keys.includes(key)) this.#expired.delete(path);
      this.#pathsByKey.delete(key);
    }
    return dropped;
  }

  clear(): void {
    this.#expired.clear();
    this.#entries.clear();
    this.#storedAt.clear();
    this.#pathsByKey.clear();
  }
}

/** The keys a change to one article must purge: its own pages, its section, its tags and the fronts. */
export function keysForArticle(a: {
  id: string;
  sectionSlug: string;
  tags?: { kind: string; tag: string }[];
}): string[] {
  return [articleKey(a.id), sectionKey(a.sectionSlug), FRONT_KEY, ...(a.tags ?? []).map((t) => tagKey(t.kind, t.tag))];
}
