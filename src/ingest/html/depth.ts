/**
 * Pathological nesting guard. linkedom and Readability walk the tree recursively, and several of
 * Readability's passes read the text of every ancestor of every node, so their cost grows with
 * depth × size. Before the page is parsed, one linear pass over its tags:
 * - closes an open <p> (and the inline elements left open inside it) when a block starts, as a
 *   browser's parser does; linkedom's parser would nest each new paragraph inside the unclosed
 *   <b><i><a> of the one before, so a page of unclosed inline tags became thousands of levels deep;
 * - drops tags nested deeper than MAX_NESTING (their text kept).
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

/** Start tags that close an open <p> (the HTML parsing rules' list). */
const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "details",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
]);

// Raw-text elements and comments are passed through whole: a "<b>" inside a script is not a tag.
const TOKEN =
  /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/gi;

interface Open {
  name: string;
  /** Deeper than the limit: its start tag was dropped, so its end tag is too. */
  dropped: boolean;
}

export function limitNesting(html: string, max = MAX_NESTING): { html: string; flattened: boolean } {
  const stack: Open[] = [];
  let changed = false;
  /** Pops down to and including index `at`, writing the end tags a parser would imply. */
  const closeTo = (at: number): string => {
    let out = "";
    while (stack.length > at) {
      const open = stack.pop()!;
      if (!open.dropped) out += `</${open.name}>`;
    }
    return out;
  };
  const lastIndexOf = (name: string) => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].name === name) return i;
    return -1;
  };
  const out = html.replace(TOKEN, (tag, raw: string | undefined, close: string, name: string, selfClose: string) => {
    if (raw !== undefined || name === undefined) return tag;
    const lower = name.toLowerCase();
    if (close) {
      const at = lastIndexOf(lower);
      if (at === -1) return tag; // a stray end tag: the parser ignores it
      const open = stack[at];
      // Elements left open inside it are closed by the parser anyway; say so, so our stack agrees.
      const inner = closeTo(at + 1);
      stack.pop();
      return open.dropped ? inner : inner + tag;
    }
    let prefix = "";
    if (CLOSES_P.has(lower)) {
      const p = lastIndexOf("p");
      if (p !== -1) {
        // Unclosed content above it is what makes a difference; a <p> on top any parser closes alike.
        if (p < stack.length - 1) changed = true;
        prefix = closeTo(p);
      }
    }
    if (VOID.has(lower) || selfClose) return prefix + tag;
    const dropped = stack.length >= max;
    if (dropped) changed = true;
    stack.push({ name: lower, dropped });
    return dropped ? prefix : prefix + tag;
  });
  return { html: changed ? out : html, flattened: changed };
}
