import type { Context } from "hono";
import type { Rendered } from "./render-cache.ts";

/** Cache-Control for pages a CDN may keep briefly and serve stale while it refetches. */
export const PAGE_CACHE = "public, max-age=60, s-maxage=300, stale-while-revalidate=600, stale-if-error=86400";
export const FEED_CACHE = "public, max-age=300, s-maxage=300, stale-while-revalidate=900";
export const API_CACHE = "public, max-age=30, s-maxage=120, stale-while-revalidate=300";
export const ERROR_CACHE = "public, max-age=30, s-maxage=60";
export const NO_STORE = "no-store";
export const IMMUTABLE = "public, max-age=31536000, immutable";

function accepts(header: string | undefined, coding: string): boolean {
  if (!header) return false;
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (name.trim().toLowerCase() !== coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

/** The parts of a request that decide which form of a rendered response it gets. */
export interface Negotiation {
  method: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  acceptEncoding?: string;
}

function notModified(req: Negotiation, entry: Rendered): boolean {
  if (entry.status !== 200) return false;
  const inm = req.ifNoneMatch;
  if (inm !== undefined) {
    return inm.split(",").some((t) => {
      const tag = t.trim();
      return tag === "*" || tag === entry.etag || tag === `W/${entry.etag}`;
    });
  }
  const ims = req.ifModifiedSince;
  if (ims && entry.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

interface HeaderSets {
  identity: Record<string, string>;
  gzip: Record<string, string>;
  br: Record<string, string>;
  notModified: Record<string, string>;
}

// Built once per rendered response, so a cache hit only picks one.
const headerSets = new WeakMap<Rendered, HeaderSets>();

function headersFor(entry: Rendered): HeaderSets {
  let sets = headerSets.get(entry);
  if (sets) return sets;
  const common: Record<string, string> = {
    etag: entry.etag,
    "cache-control": entry.cacheControl,
    vary: "Accept-Encoding",
    ...entry.headers,
  };
  if (entry.lastModified) common["last-modified"] = entry.lastModified;
  if (entry.keys.length > 0) {
    common["surrogate-key"] = entry.keys.join(" ");
    // The same keys for CDNs that read Cache-Tag (comma-separated) instead.
    common["cache-tag"] = entry.keys.join(",");
  }
  const full = (encoding: string | null, length: number) => ({
    "content-type": entry.contentType,
    ...common,
    ...(encoding ? { "content-encoding": encoding } : {}),
    "content-length": String(length),
  });
  sets = {
    identity: full(null, entry.body.length),
    gzip: entry.gzip ? full("gzip", entry.gzip.length) : full(null, entry.body.length),
    br: entry.br ? full("br", entry.br.length) : full(null, entry.body.length),
    notModified: common,
  };
  headerSets.set(entry, sets);
  return sets;
}

/** Status, headers and body for one request: a 304, or the best encoding the client accepts. */
export function choose(
  req: Negotiation,
  entry: Rendered,
): { status: number; headers: Record<string, string>; body: Buffer<ArrayBuffer> | null } {
  const sets = headersFor(entry);
  if (notModified(req, entry)) return { status: 304, headers: sets.notModified, body: null };
  let body = entry.body;
  let headers = sets.identity;
  if (entry.br && accepts(req.acceptEncoding, "br")) {
    body = entry.br;
    headers = sets.br;
  } else if (entry.gzip && accepts(req.acceptEncoding, "gzip")) {
    body = entry.gzip;
    headers = sets.gzip;
  }
  return { status: entry.status, headers, body: req.method === "HEAD" ? null : body };
}

/** Sends a rendered response: validators, 304s, the best encoding the client accepts, CDN headers. */
export function send(c: Context, entry: Rendered): Response {
  const { status, headers, body } = choose(
    {
      method: c.req.method,
      ifNoneMatch: c.req.header("if-none-match"),
      ifModifiedSince: c.req.header("if-modified-since"),
      acceptEncoding: c.req.header("accept-encoding"),
    },
    entry,
  );
  return new Response(body, { status, headers });
}
