/**
 * Functions that run inside chromium (page.evaluate): they must be self-contained, no imports,
 * no closures over module scope. They read what a reader sees and what the page's markup says.
 */

export interface ProbeBlock {
  kind: "heading" | "paragraph" | "list-item" | "caption";
  text: string;
  level?: number;
  /** A caption of a video/audio/iframe figure. */
  media?: boolean;
  /** The whole text is one link (a promo line), not prose. */
  linkOnly?: boolean;
}

export interface PageProbe {
  copy: string;
  title: string;
  meta: Record<string, string>;
  jsonLd: string[];
  h1s: string[];
  /** Blocks inside the article container found from the anchors, in document order. */
  blocks: ProbeBlock[];
  /** How many of the anchors were found as an element's whole text. */
  anchorsFound: number;
}

/** Reads the current document: the body's rendered text and the article's blocks around the given anchor texts. */
export function probePage(anchors: string[]): PageProbe {
  const norm = (s: string) => s.replace(/[\s\u00a0\u200b]+/g, " ").trim();
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader copies
  const textOf = (el: Element) => norm((el as HTMLElement).innerText ?? el.textContent ?? "");
  const meta: Record<string, string> = {};
  for (const m of Array.from(document.querySelectorAll("meta"))) {
    const key = (
      m.getAttribute("property") ??
      m.getAttribute("name") ??
      m.getAttribute("itemprop") ??
      ""
    ).toLowerCase();
    const content = m.getAttribute("content");
    if (key && content && !(key in meta)) meta[key] = norm(content);
  }
  for (const t of Array.from(document.querySelectorAll("time[datetime]"))) {
    if (!("time" in meta)) meta.time = t.getAttribute("datetime") ?? "";
  }
  const jsonLd = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
    (s) => s.textContent ?? "",
  );
  const h1s = Array.from(document.querySelectorAll("h1"))
    .map(textOf)
    .filter((t) => t.length > 0);

  const wanted = new Set(anchors.map(norm).filter((a) => a.length > 0));
  const candidates = Array.from(document.body.querySelectorAll("p,li,h1,h2,h3,h4,h5,h6,blockquote,div,td,span,pre"));
  const matched: Element[] = [];
  const seen = new Set<string>();
  for (const el of candidates) {
    const t = textOf(el);
    if (wanted.has(t) && !seen.has(t)) {
      seen.add(t);
      matched.push(el);
    }
  }
  // The container: the deepest element holding at least 80 % of the matched anchors.
  let container: Element = document.body;
  if (matched.length > 0) {
    const counts = new Map<Element, number>();
    for (const el of matched) {
      for (let a: Element | null = el; a; a = a.parentElement) counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    let bestDepth = -1;
    for (const [el, n] of counts) {
      if (n < matched.length * 0.8) continue;
      let depth = 0;
      for (let a: Element | null = el; a; a = a.parentElement) depth++;
      if (depth > bestDepth) {
        bestDepth = depth;
        container = el;
      }
    }
  }
  const isMediaFigure = (el: Element) => {
    const figure = el.closest("figure") ?? el.parentElement;
    if (!figure) return false;
    if (figure.querySelector("video,audio,iframe,object,embed")) return true;
    const holder = figure.closest("[data-media-type]");
    return !!holder && /video|audio/i.test(holder.getAttribute("data-media-type") ?? "");
  };
  const blocks: ProbeBlock[] = [];
  for (const el of Array.from(container.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li,figcaption"))) {
    const text = textOf(el);
    if (!text) continue;
    const tag = el.tagName.toLowerCase();
    if (tag === "figcaption") {
      blocks.push({ kind: "caption", text, media: isMediaFigure(el) });
      continue;
    }
    // Text inside a caption or a list item is scored as that, not again as a paragraph.
    if (el.parentElement?.closest("figcaption") || (tag === "p" && el.closest("li"))) continue;
    const links = Array.from(el.querySelectorAll("a"));
    const linkOnly = links.length > 0 && norm(links.map((a) => textOf(a)).join(" ")) === text;
    if (/^h[1-6]$/.test(tag)) blocks.push({ kind: "heading", text, level: Number(tag[1]) });
    else if (tag === "li") {
      if (!el.querySelector("li,p")) blocks.push({ kind: "list-item", text, linkOnly });
    } else blocks.push({ kind: "paragraph", text, linkOnly });
  }
  return {
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader copies
    copy: document.body.innerText,
    title: norm(document.title),
    meta,
    jsonLd,
    h1s,
    blocks,
    anchorsFound: matched.length,
  };
}
