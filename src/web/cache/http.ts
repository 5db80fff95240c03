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

function notModified(c: Context, entry: Rendered): boolean {
  if (entry.status !== 200) return false;
  const inm = c.req.header("if-none-match");
  if (inm !== undefined) {
    return inm.split(",").some((t) => {
      const tag = t.trim();
      return tag === "*" || tag === entry.etag || tag === `W/${entry.etag}`;
    });
  }
  const ims = c.req.header("if-modified-since");
  if (ims && entry.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

/** Sends a rendered response: validators, 304s, the best encoding the client accepts, CDN headers. */
export function send(c: Context, entry: Rendered): Response {
  const headers = new Headers({
    "content-type": entry.contentType,
    etag: entry.etag,
    "cache-control": entry.cacheControl,
    vary: "Accept-Encoding",
  });
  for (const [name, value] of Object.entries(entry.headers)) headers.set(name, value);
  if (entry.lastModified) headers.set("last-modified", entry.lastModified);
  if (entry.keys.length > 0) headers.set("surrogate-key", entry.keys.join(" "));
  // The same keys for CDNs that read Cache-Tag (comma-separated) instead.
  if (entry.keys.length > 0) headers.set("cache-tag", entry.keys.join(","));
  if (notModified(c, entry)) {
    headers.delete("content-type");
    return new Response(null, { status: 304, headers });
  }
  const acceptEncoding = c.req.header("accept-encoding");
  let body = entry.body;
  if (entry.br && accepts(acceptEncoding, "br")) {
    body = entry.br;
    headers.set("content-encoding", "br");
  } else if (entry.gzip && accepts(acceptEncoding, "gzip")) {
    body = entry.gzip;
    headers.set("content-encoding", "gzip");
  }
  headers.set("content-length", String(body.length));
  return new Response(c.req.method === "HEAD" ? null : body, { status: entry.status, headers });
}
