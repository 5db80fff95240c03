import { hasNul, safeText, sanitizeEmbedHtml, sanitizeInlineHtml, stripXmlInvalid } from "../ingest/sanitize.ts";
import { ValidationError } from "../model/article.ts";

/**
 * Cleans every string of an incoming article body, whatever its field, before validation:
 * `html` fields keep only an inline allowlist, URL fields must be http(s), mailto or relative,
 * and markup in plain-text fields is removed (its text kept). Text and inline HTML go through the
 * importers' own sanitizer (src/ingest/sanitize.ts, the one sanitize-html configuration), so the API
 * and import store the same thing.
 */

const URL_KEYS = new Set(["src", "url", "poster", "sourceUrl"]);
const SAFE_URL = /^(?:https?:\/\/|mailto:|\/(?!\/)|\.{0,2}\/|#|[^:/?#]*(?:[/?#]|$))/i;

/** No article field nests anywhere near this deep. */
const MAX_DEPTH = 64;

export interface SanitizeIssue {
  path: string;
  message: string;
}

function sanitizeHtmlField(html: string, embed: boolean): string {
  return embed ? sanitizeEmbedHtml(html) : sanitizeInlineHtml(html);
}

/** Whether a URL is safe to put in src/href: no javascript:, data:, vbscript: or protocol-relative tricks. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore tabs and newlines inside schemes ("java\tscript:"), so judge the URL as they would.
  const normalized = url.replace(/[\u0000-\u0020]/g, "");
  return SAFE_URL.test(normalized) && !normalized.startsWith("//");
}

function pathOf(parts: (string | number)[]): string {
  return parts.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${p}`)).join("") || "(root)";
}

/**
 * Returns a cleaned copy of `input` and the URL fields that had to be refused. `text: false` leaves
 * plain-text fields as they are (a JSON Lines restore keeps its text exactly; text is escaped when
 * rendered) and cleans only what a browser could execute: `html` and URL fields.
 */
export function sanitizeArticleInput(
  input: unknown,
  options: { text?: boolean } = {},
): { value: unknown; issues: SanitizeIssue[] } {
  const cleanText = options.text !== false;
  const issues: SanitizeIssue[] = [];
  const walk = (value: unknown, path: (string | number)[], parent: Record<string, unknown> | null): unknown => {
    if (typeof value === "string") {
      // Whatever the field and whatever `text` says: XML cannot carry these, and PostgreSQL refuses NUL.
      if (hasNul(value)) issues.push({ path: pathOf(path), message: "must not contain a NUL character" });
      const text = stripXmlInvalid(value);
      const key = path[path.length - 1];
      if (key === "html") return sanitizeHtmlField(text, parent?.type === "embed");
      if (typeof key === "string" && URL_KEYS.has(key)) {
        if (!isSafeUrl(text))
          issues.push({ path: pathOf(path), message: "must be an http(s), mailto or relative URL" });
        return text;
      }
      return cleanText ? safeText(text) : text;
    }
    // No article nests this deep; a walk that did could exhaust the stack (a 500).
    if (value !== null && typeof value === "object" && path.length > MAX_DEPTH) {
      issues.push({ path: pathOf(path.slice(0, 8)), message: `is nested more than ${MAX_DEPTH} levels deep` });
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i], null));
    if (value !== null && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) {
        // A JSON "__proto__" key must stay plain data, never reach the prototype.
        Object.defineProperty(out, k, {
          value: walk(v, [...path, k], obj),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  return { value: walk(input, [], null), issues };
}

/** Like sanitizeArticleInput, but a refused URL is a ValidationError naming each field. */
export function sanitizeOrReject(input: unknown, options: { text?: boolean } = {}): unknown {
  const { value, issues } = sanitizeArticleInput(input, options);
  if (issues.length > 0) throw new ValidationError(`article: ${issues[0].path}: ${issues[0].message}`, issues);
  return value;
}

/**
 * An importer's output with characters XML cannot carry removed from every string; a NUL anywhere is
 * a ValidationError naming the field (PostgreSQL cannot store it, so `migrate` would fail later).
 */
export function rejectNulStripInvalid<T>(input: T, where = "article"): T {
  const issues: SanitizeIssue[] = [];
  const walk = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === "string") {
      if (hasNul(value)) issues.push({ path: pathOf(path), message: "must not contain a NUL character" });
      return stripXmlInvalid(value);
    }
    if (path.length > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, k, {
          value: walk(v, [...path, k]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  };
  const value = walk(input, []) as T;
  if (issues.length > 0) throw new ValidationError(`${where}: ${issues[0].path}: ${issues[0].message}`, issues);
  return value;
}
