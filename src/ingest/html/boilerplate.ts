import type { Block } from "../../blocks/block.ts";
import { blockText } from "../../blocks/text.ts";

/**
 * Our boilerplate rules, applied around Readability: before it, page furniture marked up as such
 * (share bars, comments, cookie notices, "related" rails, ads) is removed; after it, link lists and
 * lines that are furniture by their wording (datelines, "Read more", photo credits) are dropped.
 */

const FURNITURE_TAGS =
  "nav, aside, footer, form, button, dialog, [role=navigation], [role=complementary], [role=contentinfo], [aria-hidden=true], [hidden]";
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:comments?|comment-list|disqus|share|sharing|sharebar|social|socials|related|recommended|recommendations|newsletter|subscribe|subscription|signup|cookies?|consent|gdpr|advert|advertisement|adslot|ad-slot|ad-container|ads|promo|promotion|sponsored|outbrain|taboola|breadcrumbs?|tags|tag-list|post-tags|more-from|most-popular|most-read|trending|read-more|see-also|also-read|author-bio|about-author|paywall|pagination|pager|skip-link|print-only|visually-hidden|sr-only|screen-reader-text)(?:$|[\s_-])/i;

const EMBEDDED_POSTS =
  "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, p[data-nd-embed]";

function pText(el: Element): number {
  let n = 0;
  for (const p of el.querySelectorAll("p")) n += (p.textContent ?? "").length;
  return n;
}

/** Removes furniture from the page before Readability scores it; never the element holding most of the text. */
export function removeFurniture(document: Document): void {
  const body = document.body;
  if (!body) return;
  const total = pText(body);
  const doomed: Element[] = [];
  for (const el of body.querySelectorAll(FURNITURE_TAGS)) doomed.push(el);
  for (const el of body.querySelectorAll("[class], [id]")) {
    const name = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
    if (FURNITURE_NAME.test(name)) doomed.push(el);
  }
  for (const el of doomed) {
    if (!el.parentNode || el.tagName === "BODY" || el.tagName === "HTML") continue;
    if (el.matches("article, main, [role=main]")) continue;
    if (total > 0 && pText(el) > total * 0.4) continue;
    // Social-media embeds in the story ("social-media-embed") are content, not share bars.
    if (el.querySelector(EMBEDDED_POSTS)) continue;
    el.remove();
  }
}

function linkDensity(el: Element): number {
  const text = (el.textContent ?? "").replace(/\s+/g, "").length;
  if (!text) return 0;
  let links = 0;
  for (const a of el.querySelectorAll("a")) links += (a.textContent ?? "").replace(/\s+/g, "").length;
  return links / text;
}

/** Still under `root` (not removed with an ancestor); Readability's article root is detached, so isConnected won't do. */
function isInside(el: Element, root: Element): boolean {
  for (let n: Node | null = el; n; n = n.parentNode) if (n === root) return true;
  return false;
}

const CLUSTER_TAGS = new Set(["UL", "OL", "P", "DIV"]);

/** Drops link lists and link-only lines from Readability's output (related stories, source lists). */
export function removeLinkClusters(root: Element): void {
  // Only containers close above a link can be link clusters; starting from the links skips the rest of the page.
  const candidates = new Set<Element>();
  for (const a of root.querySelectorAll("a")) {
    let el = a.parentElement;
    for (let up = 0; el && el !== root && up < 4; up++, el = el.parentElement) {
      if (CLUSTER_TAGS.has(el.tagName)) candidates.add(el);
    }
  }
  for (const el of candidates) {
    if (!isInside(el, root)) continue;
    const text = (el.textContent ?? "").trim();
    const density = linkDensity(el);
    if (el.tagName === "UL" || el.tagName === "OL") {
      if (el.querySelectorAll("li").length >= 2 && density > 0.7) el.remove();
    } else if (el.tagName === "P" && text.length < 160 && density > 0.8) {
      el.remove();
    } else if (el.tagName === "DIV" && text.length < 300 && density > 0.8 && !el.querySelector("p")) {
      el.remove();
    }
  }
}

const FURNITURE_LINE =
  /^(?:\|?\s*(?:published|updated|posted|last updated|first published)\b.{0,60}\d|read more\b|see more\b|related\s*:|also read\b|don'?t miss\b|more from\b|continue reading\b|advert(?:isement)?$|skip to\b|sign in$|caption$|close$|share\b.{0,30}$|comments?$|image \d+ (?:of|\/) ?\/? ?\d+$|this slideshow requires javascript|click here\b.{0,80}$|follow us\b|sign up\b|subscribe\b|tags?\s*:|filed under\b)/i;
const FURNITURE_ANYWHERE =
  /this (?:website|site) uses cookies|newsletters?\b.{0,80}\b(?:sign up|subscribe|inbox)|\b(?:sign up|subscribe)\b.{0,80}newsletters?|follow (?:him|her|them|us|me) on (?:twitter|facebook|instagram)|may be reached at|this (?:post|article|page) (?:may )?contains? affiliate|this document is subject to copyright|requires javascript|enable javascript/i;
const CAPTION_LINE =
  /(?:\((?:image|photo|picture|credit|foto|pic)s?\s*(?:credit)?\s*:[^)]*\)|\b(?:credit|photo|image)\s*:\s*[^.]{2,60})$/i;
const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/i;

function normal(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A post's meta line: who posted it, under what category and tags, in any of a few languages. */
const POST_META =
  /\b(?:posted by|published by|publicado por|publié par|pubblicato da|veröffentlicht von)\b.{0,120}\b(?:categor(?:y|ies|ia|ie)|tags?|etiquetas|schlagwörter)\s*:/i;
/** A promo box of links to other stories ("DON'T MISS … [INSIGHT] … [REVEAL]"), however long. */
const PROMO_BOX = /^(?:don'?t miss|must read|read next|recommended)\b.*\[[A-Z ]+\]/is;

function isFurnitureLine(text: string): boolean {
  if (text.length < 400 && POST_META.test(text)) return true;
  if (PROMO_BOX.test(text)) return true;
  if (text.length < 200 && FURNITURE_LINE.test(text)) return true;
  if (text.length < 300 && FURNITURE_ANYWHERE.test(text)) return true;
  if (text.length < 300 && CAPTION_LINE.test(text)) return true;
  const words = text.split(/\s+/).length;
  // A short line that is mostly a date or time is a dateline, not prose.
  if (words <= 8 && DATE_WORDS.test(text) && !/[.!?]["”’]?$/.test(text)) return true;
  return false;
}

/** Removes furniture blocks; `headline` and `summary` repeated as a heading at the top are not body. */
export function dropFurnitureBlocks(blocks: Block[], headline?: string, summary?: string): Block[] {
  const repeats = new Set([headline, summary].filter(Boolean).map((s) => normal(s as string)));
  const kept = blocks.filter((b, i) => {
    if (b.type !== "paragraph" && b.type !== "crosshead") return true;
    const text = blockText(b).trim();
    if (b.type === "crosshead" && i < 3 && repeats.has(normal(text))) return false;
    return !isFurnitureLine(text);
  });
  // A heading with nothing after it introduced something that was removed.
  while (kept.length && kept[kept.length - 1].type === "crosshead") kept.pop();
  return kept;
}
