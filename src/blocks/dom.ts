import { safeText, safeUrl } from "../ingest/sanitize.ts";

/**
 * DOM helpers the from-html functions share: which elements are blocks, text with line breaks,
 * caption and credit of a figure. Works on any DOM (linkedom in importers).
 */

export const ELEMENT = 1;
export const TEXT = 3;

export const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
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
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
  "video",
  "audio",
  "iframe",
  "picture",
  "img",
  "embed",
  "object",
  "tr",
  "td",
  "th",
]);
export const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "svg",
  "math",
  "nav",
  "object",
  "embed",
  "link",
  "meta",
  "head",
  "title",
  "canvas",
  "map",
  "dialog",
]);
const CREDIT_CLASS = /credit|copyright|source|courtesy|photographer/i;
const CREDIT_TEXT =
  /\s*\(?\b(?:credit|photo(?:graph)?|image|picture|foto|source|copyright|©)\s*(?:by)?\s*[:©]\s*([^()]{2,120})\)?\s*$/i;
export function tag(node: Node): string {
  return node.nodeType === ELEMENT ? (node as Element).tagName.toLowerCase() : "";
}

/** Text of a subtree with <br> and block boundaries as line breaks (textContent would glue words). */
export function textOf(node: Node): string {
  const parts: string[] = [];
  // Iterative, so depth is no concern; a string on the stack is a line break closing a block.
  const stack: (Node | string)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      parts.push(n);
      continue;
    }
    if (n.nodeType === TEXT) {
      parts.push(n.nodeValue ?? "");
      continue;
    }
    if (n.nodeType !== ELEMENT) continue;
    const t = tag(n);
    if (t === "br") {
      parts.push("\n");
      continue;
    }
    if (SKIP_TAGS.has(t) && t !== "form") continue;
    if (BLOCK_TAGS.has(t)) {
      parts.push("\n");
      stack.push("\n");
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return parts.join("");
}

export function hasBlockDescendant(el: Element): boolean {
  for (const child of el.children) {
    const t = tag(child);
    if (BLOCK_TAGS.has(t) || hasBlockDescendant(child)) return true;
  }
  return false;
}

export function intAttr(el: Element, name: string): number | undefined {
  const n = Number.parseInt(el.getAttribute(name) ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/**
 * Caption and credit of a figure: a credit-classed element in the figcaption (else one elsewhere in
 * the figure, such as a wire's "byline"), else a trailing "Credit: …" in the caption. A leading
 * "Photo:" is dropped unless the element carries the exact credit in `data-credit` (our own export).
 */
export function captionAndCredit(
  figcaption: Element | null,
  figure: Element | null = null,
): { caption?: string; credit?: string } {
  const isCredit = (e: Element) => CREDIT_CLASS.test(e.getAttribute("class") ?? "");
  const creditEl =
    (figcaption ? [...figcaption.querySelectorAll("*")].find(isCredit) : undefined) ??
    (figure
      ? [...figure.querySelectorAll("*")].find(
          (e) => (isCredit(e) || /\bbyline\b/i.test(e.getAttribute("class") ?? "")) && !figcaption?.contains(e),
        )
      : undefined);
  const exact = creditEl?.getAttribute("data-credit");
  if (!figcaption && !creditEl) return {};
  let credit = safeText(exact ?? (creditEl ? textOf(creditEl) : ""));
  let caption = figcaption ? safeText(textOf(figcaption)) : "";
  if (credit && caption.endsWith(credit)) caption = caption.slice(0, -credit.length).trim();
  if (!credit) {
    const m = caption.match(CREDIT_TEXT);
    if (m && m.index !== undefined && m.index > 0) {
      credit = m[1].trim();
      caption = caption.slice(0, m.index).trim();
    }
  }
  if (exact === null || exact === undefined) credit = credit.replace(/^(credit|photo|image|source)\s*:\s*/i, "");
  return { caption: caption || undefined, credit: credit || undefined };
}

/** The links of a link box (`li a`), with safe absolute URLs and the article id the export writes. */
export function linkItemsOf(box: Element, base?: string): { title: string; url: string; articleId?: string }[] {
  const items: { title: string; url: string; articleId?: string }[] = [];
  for (const a of box.querySelectorAll("li a")) {
    const title = safeText(textOf(a));
    const url = safeUrl(a.getAttribute("href"), base);
    const articleId = a.getAttribute("data-article-id");
    if (title && url) items.push(articleId ? { title, url, articleId } : { title, url });
  }
  return items;
}

/** The heading of a link box. */
export function boxTitleOf(box: Element): string {
  const heading = box.querySelector("h2, h3");
  return heading ? safeText(textOf(heading)) : "";
}
