import type { IncomingMessage, ServerResponse } from "node:http";
import { choose } from "./cache/http.ts";
import type { Site } from "./site.ts";

/**
 * Serves a page straight from the render cache when it is there and known to be current, before
 * the request becomes a Fetch Request for Hono. It answers exactly as the routes would (the same
 * cached response, validators and encodings), so it is only a shortcut: anything else, and every
 * miss, goes to the app. Returns false when the app must answer.
 */
export function serveFromCache(site: Site, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  // The cache holds anonymous answers: a token or a desk session is answered by the app, which
  // checks it and may show drafts, withdrawn articles and the current revision.
  if (req.headers.authorization !== undefined) return false;
  if (req.headers.cookie?.includes("nd_session=")) return false;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  // Escaped paths are left to the router, which decodes them; so are listing pages past the first
  // (cached under their own key, which the router builds).
  if (path.includes("%") || (q !== -1 && url.includes("page=", q))) return false;
  const entry = site.cache.get(path);
  if (!entry || !site.freshness.isCurrent()) return false;
  const { status, headers, body } = choose(
    {
      method: req.method,
      ifNoneMatch: req.headers["if-none-match"],
      ifModifiedSince: req.headers["if-modified-since"],
      acceptEncoding: req.headers["accept-encoding"],
    },
    entry,
  );
  res.writeHead(status, headers);
  res.end(body ?? undefined);
  return true;
}
