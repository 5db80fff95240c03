import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ForbiddenError, NotFoundError, StateError } from "../../editorial/errors.ts";
import { ValidationError } from "../../model/article.ts";
import { ConflictError } from "../../store/articles.ts";
import { StoreReplacedError } from "../../store/store.ts";
import { isStoreFull, isStoreUnavailable } from "../../store/unavailable.ts";

/**
 * One error shape for every API route, read and editorial:
 * `{"error": {"status", "code", "message", "issues"?: [{"path", "message"}]}}`.
 * `code` is stable per kind of error, so clients branch on it rather than on the wording.
 */
export const API_ERROR_CODES = {
  "invalid-body": 400,
  "invalid-json": 400,
  "invalid-query": 400,
  "invalid-parameter": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  gone: 410,
  "conflict-state": 409,
  "precondition-failed": 412,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "precondition-required": 428,
  "rate-limited": 429,
  "internal-error": 500,
  unavailable: 503,
  "insufficient-storage": 507,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

export interface Issue {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { status: number; code: ApiErrorCode; message: string; issues?: Issue[] };
}

export function apiErrorBody(code: ApiErrorCode, message: string, issues?: Issue[]): ApiErrorBody {
  return { error: { status: API_ERROR_CODES[code], code, message, ...(issues ? { issues } : {}) } };
}

/** What an ApiError carries besides Hono's status and message. */
interface ApiErrorCause {
  code: ApiErrorCode;
  issues?: Issue[];
}

/** Hono's HTTPException with our code (and field issues) as its cause; `onApiError` renders it. */
export function apiError(code: ApiErrorCode, message: string, issues?: Issue[]): HTTPException {
  const cause: ApiErrorCause = { code, issues };
  return new HTTPException(API_ERROR_CODES[code], { message, cause });
}

function classify(error: unknown): { code: ApiErrorCode; message: string; issues?: Issue[] } | null {
  if (error instanceof HTTPException) {
    const cause = error.cause as ApiErrorCause | undefined;
    if (cause?.code) return { code: cause.code, message: error.message, issues: cause.issues };
    // Hono's own exceptions (none are thrown today) keep their status under the nearest code.
    const code = (Object.keys(API_ERROR_CODES) as ApiErrorCode[]).find((k) => API_ERROR_CODES[k] === error.status);
    return { code: code ?? "internal-error", message: error.message };
  }
  if (error instanceof ValidationError) return { code: "invalid-body", message: error.message, issues: error.issues };
  if (error instanceof ForbiddenError) return { code: "forbidden", message: error.message };
  if (error instanceof NotFoundError) return { code: "not-found", message: error.message };
  if (error instanceof StateError) return { code: "conflict-state", message: error.message };
  if (error instanceof ConflictError) {
    return {
      code: "precondition-failed",
      message: `the article changed meanwhile: it is at revision ${error.currentRevision}`,
    };
  }
  if (isStoreFull(error)) {
    return {
      code: "insufficient-storage",
      message: "the disk holding the store is full: nothing of this request was saved; retry once space is freed",
    };
  }
  if (error instanceof StoreReplacedError) {
    return {
      code: "unavailable",
      message:
        "the store's file was replaced (a restore?) while this server had it open; it accepts no writes until restarted",
    };
  }
  if (isStoreUnavailable(error)) {
    return { code: "unavailable", message: "the store cannot be reached just now; retry shortly" };
  }
  return null;
}

/** Seconds a client should wait before retrying while the store is unavailable. */
export const UNAVAILABLE_RETRY_AFTER = "5";

/** The ETag of an article revision; If-Match must send it back unchanged. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

/**
 * The API's `onError`: every error, thrown by middleware or handler, becomes the one JSON shape;
 * anything unexpected is logged for the operator and answered as a 500 without details.
 */
export function onApiError(error: Error, c: Context): Response {
  const known = classify(error);
  if (error instanceof ConflictError) c.header("ETag", revisionEtag(error.currentRevision));
  c.header("Cache-Control", "no-store");
  if (known?.code === "unavailable") c.header("Retry-After", UNAVAILABLE_RETRY_AFTER);
  if (!known) {
    process.stderr.write(`newsdesk: API: ${c.req.method} ${c.req.path}: ${error?.stack ?? String(error)}\n`);
    return c.json(apiErrorBody("internal-error", "internal error"), 500);
  }
  return c.json(apiErrorBody(known.code, known.message, known.issues), API_ERROR_CODES[known.code]);
}
