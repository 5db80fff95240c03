/**
 * Our own body finder for pages Readability gives up on (short articles, odd markup): the element
 * whose own paragraphs hold the most text, with long link-free runs weighted up.
 */

const TEXT_CONTAINERS = "p, pre, blockquote, li, h2, h3";

function ownText(el: Element): number {
  const text = (el.textContent ?? "").trim();
  let links = 0;
  for (const a of el.querySelectorAll("a")) links += (a.textContent ?? "").length;
  // Link text is navigation more often than prose.
  return Math.max(0, text.length - links * 2);
}

/** The element that holds the article body, or the body itself when no container stands out. */
export function findBodyByScoring(document: Document): Element | null {
  const body = document.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  for (const el of body.querySelectorAll(TEXT_CONTAINERS)) {
    const score = ownText(el);
    if (score < 20) continue;
    // Credit the parent fully and the grandparent half, as Readability does for its candidates.
    const parent = el.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent?.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best ?? body;
}
