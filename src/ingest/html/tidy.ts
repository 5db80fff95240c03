import type { Block } from "../../blocks/block.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { blockText } from "../../blocks/text.ts";

/**
 * Tidying what a page says about its article: the headline without the site, author or section
 * the page adds around it, names without "By" and with their role apart, a standfirst of one or two
 * sentences, and the furniture between the top of the extracted body and its first paragraph.
 */

export function normal(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const SUFFIX = /^(.*\S)\s+[|\-–—·]\s+(.+)$/;
const PREFIX = /^([^|:]{1,40}?)\s*[|:]\s+(.+)$/;

/**
 * Removes site, author and section affixes ("Opinion | …", "… | Eleanor Ainge Roy", "… - The New
 * York Times"). An affix goes when it names something the page names elsewhere (its site, publisher,
 * authors or section), or when what is left is the headline another of the page's own titles gives
 * (the <h1>, og:title, JSON-LD, <title>): the candidates agree on the core.
 */
export function cleanHeadline(raw: string, known: (string | undefined)[], candidates: string[]): string {
  const names = new Set(known.filter((k): k is string => Boolean(k)).map(normal));
  const others = new Set(candidates.map(normal));
  let headline = raw.trim();
  for (let round = 0; round < 4; round++) {
    const suffix = headline.match(SUFFIX);
    if (suffix && (names.has(normal(suffix[2])) || others.has(normal(suffix[1])))) {
      headline = suffix[1];
      continue;
    }
    const prefix = headline.match(PREFIX);
    if (prefix && (names.has(normal(prefix[1])) || others.has(normal(prefix[2])))) {
      headline = prefix[2];
      continue;
    }
    break;
  }
  return headline;
}

const ROLE =
  /\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist|journalist|producer|author|analyst|critic|associated press|reuters|afp|ap)\b/i;

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** "By By TOM KRISHER, AP Auto Writer" → Tom Krisher, role "AP Auto Writer". */
export function cleanPerson(raw: string): { name: string; role?: string } {
  let name = raw.replace(/^(?:\s*by\b[\s:]*)+/i, "").trim();
  let role: string | undefined;
  const comma = name.match(/^([^,]+),\s*(.+)$/);
  if (comma && ROLE.test(comma[2])) {
    name = comma[1].trim();
    role = comma[2].trim();
  }
  // A name in capitals is the page's styling, not its spelling.
  if (/\p{Lu}{2}/u.test(name) && name === name.toUpperCase()) name = titleCase(name);
  return role ? { name: name || raw.trim(), role } : { name: name || raw.trim() };
}

/** Sentence ends: not after an initial ("L.A.", "U.S."), so a capital after one does not split. */
const SENTENCE_END = /(?<=[\p{Ll}\p{N})\]%]{2}[.!?]["”’)]?)\s+(?=["“‘'(]?\p{Lu})/u;
const STANDFIRST_MAX = 320;

/**
 * A standfirst is one or two sentences. A page description that is really the body's opening
 * (as on wire pages that put the first 1,800 characters in og:description) keeps its first sentence.
 */
export function cleanStandfirst(summary: string, bodyOpening: string): string {
  const text = summary.replace(/\s+/g, " ").trim();
  if (!text) return "";
  const sentences = text.split(SENTENCE_END);
  const isOpening = normal(bodyOpening).startsWith(normal(sentences[0]).slice(0, 120)) && sentences.length > 1;
  let keep = sentences.slice(0, isOpening ? 1 : 2).join(" ");
  if (keep.length > STANDFIRST_MAX) keep = sentences[0];
  if (keep.length > STANDFIRST_MAX) keep = `${keep.slice(0, STANDFIRST_MAX - 1).replace(/\s+\S*$/, "")}…`;
  return keep;
}

const CREDIT_LINE = /^(?:photo|photograph|image|picture|credit|foto)s?\s*(?:by)?\s*:\s*(.{2,120})$/i;
const LOGO = /(?:^|[^a-z])logo(?:$|[^a-z])/i;
const URL_LINE = /^https?:\/\/\S+$/;

function isBodyParagraph(b: Block): boolean {
  if (b.type === "quote" || b.type === "embed") return true;
  if (b.type !== "paragraph") return false;
  const text = blockText(b);
  return text.split(/\s+/).length >= 15 || (text.length >= 60 && /[.!?]["”’]?$/.test(text));
}

export interface LeadContext {
  headline: string;
  names: string[];
  /** The page's description: shown again as the first line, it is the standfirst, not body. */
  summary?: string;
  /** Set to a photo credit found above the first picture of the body: it belongs to the lead image. */
  orphanCredit?: string;
}

/**
 * Drops the furniture a page puts between its top and the first paragraph of the story: sign-in
 * and other short link-like list items, logos, the page's own URL, the headline and byline shown
 * again, and photo credits set as list items or lines (they become the credit of the image above).
 */
export function dropLeadFurniture(blocks: Block[], ctx: LeadContext): Block[] {
  const headline = normal(ctx.headline);
  const names = ctx.names.map(normal).filter(Boolean);
  const summary = normal(ctx.summary ?? "");
  const out: Block[] = [];
  let inLead = true;
  for (const b of blocks) {
    if (inLead && isBodyParagraph(b)) inLead = false;
    if (!inLead) {
      out.push(b);
      continue;
    }
    const lastImage = [...out].reverse().find((x): x is ImageBlock => x.type === "image");
    if (b.type === "list") {
      const credits = b.items.map((i) => i.match(CREDIT_LINE)).filter(Boolean);
      if (credits.length === b.items.length) {
        const credit = (credits[0] as RegExpMatchArray)[1].trim();
        if (lastImage && !lastImage.credit) lastImage.credit = credit;
        else if (!lastImage) ctx.orphanCredit ??= credit;
        continue;
      }
      if (b.items.every((i) => i.split(/\s+/).length <= 3)) continue;
    } else if (b.type === "image") {
      if (LOGO.test(b.alt) || (b.src && LOGO.test(new URL(b.src).pathname))) continue;
    } else if (b.type === "paragraph" || b.type === "crosshead") {
      const text = blockText(b).trim();
      const n = normal(text);
      if (URL_LINE.test(text)) continue;
      if (n === headline || (summary && n === summary)) continue;
      // "Opinion Columnist", "Staff Writer": the byline's role on a line of its own.
      if (text.split(/\s+/).length <= 4 && ROLE.test(text) && !/[.!?]$/.test(text)) continue;
      if (names.length && names.some((name) => n.startsWith(name)) && text.split(/\s+/).length <= 12) continue;
      const credit = text.match(CREDIT_LINE);
      if (credit) {
        if (lastImage && !lastImage.credit) lastImage.credit = credit[1].trim();
        else if (!lastImage) ctx.orphanCredit ??= credit[1].trim();
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * A caption set as a one-item list right after a picture (the Guardian's photo essays) belongs to
 * that picture, not to the body as a bullet.
 */
export function attachListCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      b.type === "list" &&
      b.items.length === 1 &&
      b.items[0].length <= 600 &&
      prev?.type === "image" &&
      !prev.caption
    ) {
      prev.caption = b.items[0];
      continue;
    }
    out.push(b);
  }
  return out;
}

/** The part of an image URL that names the picture, not the rendition: long path segments, or the folder. */
export function mediaKeys(src: string): string[] {
  try {
    const path = new URL(src).pathname.split("/").filter(Boolean);
    const keys = path.filter((seg) => seg.length >= 16 && /\d/.test(seg));
    if (path.length >= 4) keys.push(path.slice(0, -1).join("/"));
    return keys;
  } catch {
    return [];
  }
}

export function samePicture(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const keys = new Set(mediaKeys(a));
  return mediaKeys(b).some((k) => keys.has(k));
}

/** A share image drawn for social cards (a logo overlay baked in) is not the article's picture. */
export function isSocialCard(src: string): boolean {
  return /[?&]overlay[-_]/i.test(src) || /[?&](?:overlay|watermark|mark)=/i.test(src);
}
