import type { Context } from "hono";
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
): Promise<Response> {
  await site.freshness.sync();
  const key = c.req.path;
  let entry = site.cache.get(key);
  if (!entry) {
    const rendered = await render();
    if (rendered instanceof Response) return rendered;
    entry = renderResponse(rendered);
    if (entry.status === 200 || entry.status === 410) site.cache.set(key, entry);
  }
  return send(c, entry);
}

/** A response that is never kept in memory: search results, errors, API lists. */
export function serveFresh(c: Context, input: RenderInput): Response {
  return send(c, renderResponse(input));
}
