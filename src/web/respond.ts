import type { Context } from "hono";
import { isStoreUnavailable } from "../store/unavailable.ts";
import { send } from "./cache/http.ts";
import { type RenderInput, renderResponse } from "./cache/render-cache.ts";
import { HTML_SECURITY_HEADERS } from "./pages/enhance.ts";
import type { Site } from "./site.ts";

export const HTML_TYPE = "text/html; charset=utf-8";

export function htmlInput(html: string, options: Omit<RenderInput, "body" | "contentType" | "headers">): RenderInput {
  return { ...options, body: html, contentType: HTML_TYPE, headers: HTML_SECURITY_HEADERS };
}

/**
 * Serves a response from the render cache, rendering it on a miss. The cache key is the path
 * alone, so tracking parameters in the query string do not fragment it. Only 200 and 410
 * responses are kept: other statuses are cheap, and caching them would let anyone fill memory.
 * `render` may return a Response (a redirect) to bypass the cache.
 */
export async function serveCached(
  c: Context,
  site: Site,
  render: () => Promise<RenderInput | Response>,
  /** Listings pass their page (`/news/politics?page=2`); tracking parameters never reach the key. */
  key = c.req.path,
): Promise<Response> {
  try {
    await site.freshness.sync();
    let entry = site.cache.get(key);
    if (!entry) {
      const rendered = await render();
      if (rendered instanceof Response) return rendered;
      entry = renderResponse(rendered);
      if (entry.status === 200 || entry.status === 410) site.cache.set(key, entry);
    }
    return send(c, entry);
  } catch (error) {
    // stale-if-error: while the store is down, readers get the last copy of the page.
    const stale = isStoreUnavailable(error) ? site.cache.stale(key) : undefined;
    if (!stale) throw error;
    c.header("Warning", '110 - "Response is stale"');
    return send(c, stale);
  }
}

/** A response that is never kept in memory: search results, errors, API lists. */
export function serveFresh(c: Context, input: RenderInput): Response {
  return send(c, renderResponse(input));
}
