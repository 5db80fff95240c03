/**
 * Pathological nesting guard. linkedom and Readability walk the tree recursively and some of
 * Readability's passes grow much faster than linearly with depth (2,000 levels take ~45 s), so
 * tags nested deeper than MAX_NESTING are dropped (their text kept) before the page is parsed.
 */
export const MAX_NESTING = 200;

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  // Closed implicitly by their next sibling, so counting them would overstate depth.
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
]);
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

export function limitNesting(html: string, max = MAX_NESTING): { html: string; flattened: boolean } {
  if (!exceedsNesting(html, max)) return { html, flattened: false };
  let depth = 0;
  const out = html.replace(TAG, (tag, close: string, name: string, selfClose: string) => {
    const lower = name.toLowerCase();
    if (VOID.has(lower) || selfClose) return tag;
    if (close) {
      depth = Math.max(0, depth - 1);
      return depth >= max ? "" : tag;
    }
    depth++;
    return depth > max ? "" : tag;
  });
  return { html: out, flattened: true };
}

/** A cheap pre-check so ordinary pages skip the rewrite. */
function exceedsNesting(html: string, max: number): boolean {
  let depth = 0;
  const scan = html.replace(RAW_TEXT, "");
  for (const m of scan.matchAll(TAG)) {
    const lower = m[2].toLowerCase();
    if (VOID.has(lower) || m[3]) continue;
    depth += m[1] ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > max) return true;
  }
  return false;
}
