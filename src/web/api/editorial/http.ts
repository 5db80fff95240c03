import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { ForbiddenError, NotFoundError, StateError } from "../../../editorial/errors.ts";
import { ValidationError } from "../../../model/article.ts";
import { ConflictError } from "../../../store/articles.ts";
import { CsrfError } from "../../desk/session.ts";

/** The JSON every editorial error answers with: a message and, for bad input, one issue per field. */
export interface ApiError {
  error: string;
  issues?: { path: string; message: string }[];
}

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 428 | 429,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The ETag of an article revision; If-Match must send it back unchanged. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

/** The revision an If-Match header names; 428 without one, 412 when it names no revision. */
export function expectedRevision(c: Context): number {
  const header = c.req.header("if-match");
  if (header === undefined || header.trim() === "") {
    throw new HttpError(428, "If-Match is required: send the ETag from GET /api/articles/:id");
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new HttpError(412, "If-Match does not name a current revision of this article");
  return Number(match[1]);
}

/** The request body as JSON; 400 (not 500) when it is not JSON, 415 when it says it is something else. */
export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header("content-type");
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new HttpError(415, "the body must be JSON (Content-Type: application/json)");
  }
  const text = await c.req.text();
  if (text.trim() === "")
    throw new HttpError(400, "the body is empty; send a JSON object", [{ path: "(root)", message: "required" }]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "malformed JSON", [{ path: "(root)", message: (error as Error).message }]);
  }
}

/** The client's address for per-address rate limits: the socket peer (proxies are not trusted). */
export function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/** Maps what the editorial code throws to a status; anything unexpected is logged and hidden. */
export function errorResponse(c: Context, error: unknown): Response {
  const send = (status: number, body: ApiError, headers: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(headers)) c.header(k, v);
    c.header("Cache-Control", "no-store");
    return c.json(body, status as 400);
  };
  if (error instanceof HttpError) {
    return send(
      error.status,
      { error: error.message, ...(error.issues ? { issues: error.issues } : {}) },
      error.headers,
    );
  }
  if (error instanceof ValidationError) return send(400, { error: "invalid article", issues: error.issues });
  if (error instanceof ConflictError) {
    return send(
      412,
      { error: `the article changed meanwhile: it is at revision ${error.currentRevision}` },
      {
        ETag: revisionEtag(error.currentRevision),
      },
    );
  }
  if (error instanceof CsrfError) return send(403, { error: error.message });
  if (error instanceof ForbiddenError) return send(403, { error: error.message });
  if (error instanceof NotFoundError) return send(404, { error: error.message });
  if (error instanceof StateError) return send(409, { error: error.message });
  process.stderr.write(`newsdesk: editorial API: ${(error as Error)?.stack ?? String(error)}\n`);
  return send(500, { error: "internal error" });
}
