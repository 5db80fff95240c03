import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { apiError } from "../errors.ts";

/** The revision an If-Match header names; 428 without one, 412 when it names no revision. */
export function expectedRevision(c: Context): number {
  const header = c.req.header("if-match");
  if (header === undefined || header.trim() === "") {
    throw apiError("precondition-required", "If-Match is required: send the ETag from GET /api/articles/:id");
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw apiError("precondition-failed", "If-Match does not name a current revision of this article");
  return Number(match[1]);
}

/** No request body nests this deep; every walk over a body (sanitizing, merge patch) may then recurse. */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of objects and arrays in JSON text, by one scan that skips strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) deepest = Math.max(deepest, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return deepest;
}

/** The request body as JSON; 400 (not 500) when it is not JSON, 415 when it says it is something else. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type");
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw apiError("unsupported-media-type", "the body must be JSON (Content-Type: application/json)");
  }
  const text = await c.req.text();
  if (text.trim() === "") {
    throw apiError("invalid-json", "the body is empty; send a JSON object", [{ path: "(root)", message: "required" }]);
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) {
    throw apiError("invalid-json", `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`, [
      { path: "(root)", message: `nested more than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw apiError("invalid-json", "malformed JSON", [{ path: "(root)", message: (error as Error).message }]);
  }
}

/** A revision number from the path or the query string; 400 naming it otherwise. */
export function revisionParam(c: Context, name: string): number {
  const value = c.req.param(name) ?? c.req.query(name);
  const code = c.req.param(name) === undefined ? "invalid-query" : "invalid-parameter";
  if (value === undefined) throw apiError(code, `${name} is required`, [{ path: name, message: "required" }]);
  if (!/^\d{1,9}$/.test(value)) {
    throw apiError(code, `${name} must be a revision number`, [{ path: name, message: "must be a positive integer" }]);
  }
  return Number(value);
}

/** The client's address for per-address rate limits: the socket peer (proxies are not trusted). */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
