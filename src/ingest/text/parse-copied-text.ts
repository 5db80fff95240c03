import type { Block } from "../../blocks/block.ts";
import { EXTERNAL_LINKS_DISCLAIMER, type ExternalLinksBlock } from "../../blocks/external-links/schema.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "../../blocks/media/schema.ts";
import type { ParagraphBlock } from "../../blocks/paragraph/schema.ts";
import type { RelatedStoriesBlock } from "../../blocks/related-stories/schema.ts";
import { ImportError } from "../importer.ts";
import { endsLikeSentence, isFurniture, isPromo, isProse, type Line, toLines, wordCount } from "./copied-lines.ts";
import { type Author, bylineIn, dateInLine, findHeadline, isHeaderMaterial, readHeader } from "./page-header.ts";
import { isSectionName } from "./section-names.ts";

/** What a copied news page in plain text yields before ids and defaults are added. */
export interface CopiedText {
  /** The section line when the page has one ("UK Politics"); otherwise the caller's default applies. */
  section?: string;
  headline: string;
  /** From a "By Name, Role" line near the headline, when the page has one. */
  byline: Author[];
  /** From a date line near the headline ("3 September 2011 Last updated at 14:37 BST"), as ISO UTC. */
  published?: string;
  summary: string;
  blocks: Block[];
  /** Said when the importer had to guess the page's layout (a whole page copied, menus and all). */
  note?: string;
}

const MEDIA_FALLBACK = /^media playback is unsupported on your device\.?$/i;
// The caption label is often glued to the caption itself when a page is copied: "Media captionDavid Cameron: …".
const MEDIA_CAPTION = /^(?:media|video|audio) caption\s*:?\s*/i;
const IMAGE_CAPTION = /^(?:image|picture|photo) caption\s*:?\s*/i;
const IMAGE_CREDIT = /^(?:image|picture|photo) (?:copyright|source|credit)\s*:?\s*/i;
// A caption that carries its credit: "… Photograph: Name/Agency", "… (AP Photo/Name)".
const CREDIT_TAIL =
  /\s*(?:\b(?:Photograph|Photo|Picture|Image|Illustration|Credit|Foto)s?\s*(?::|by)\s*([^:]{2,100})|\(((?:[^()]*?)(?:photo|AP|Reuters|Getty|AFP|EPA|images?|press|Shutterstock|courtesy|\/)[^()]*)\))$/;
const CREDIT_LINE =
  /^(?:(?:Photograph|Photo|Picture|Image|Illustration|Foto)s?\s*(?::|by)\s*|Credits?\s*:?\s*(?=\p{Lu})|Credit(?=\p{Lu}))(.{2,120})$/u;
const SLASH_CREDIT = /^\p{Lu}[\p{L}.'’ -]{1,40}(?:\s?\/\s?[\p{Lu}][\p{L}.&' -]{1,30}){1,3}$/u;
const CAPTION_LABEL = /^(?:media|video|audio|image|picture|photo) (?:caption|copyright|source|credit)/i;
const RELATED_HEADING = /^more on this story$/i;
const EXTERNAL_HEADING = /^related internet links$/i;
const EXTERNAL_DISCLAIMER = /is not responsible for the content of external/i;
const CROSSHEAD_QUOTED = /^['‘]([^'‘’"]{1,80})['’]$/;
const ANALYSIS_HEADING =
  /^(?:analysis|comment|background|explainer|profile|timeline|q&a|factbox|what we know|why it matters)\s*:\s*\p{Lu}/iu;
const BULLET = /^(?:[-–•*·▪►])\s+/;
const URL_IN_LINE = /(https?:\/\/\S+)/;
const HEADLINE_MAX = 200;
// Page sections after the story: nothing from here on is part of it.
// The start of readers' comments: "Name on September 12, 2018 at 4:47 pm said:", "12 thoughts on …".
const COMMENTS_START =
  /^(?:.{2,80}\s(?:on|·|\|)\s.{0,40}\d{4}.{0,30}\s(?:said|says|wrote|replied):?|\d+\s+(?:thoughts|responses|replies|comments)\s+(?:on|to)\b.*|leave a (?:reply|comment)|comments are closed\.?|\d+ comments?|show comments|view comments)$/i;
// What other outlets put after the story: sharing, related reading, comments, the author box.
const AFTER_STORY =
  /^(?:share this(?: article| story| post)?:?|like this:?|related(?: posts| articles| stories| content| coverage)?:?|you (?:may|might) also like:?|recommended(?: for you| stories)?:?|more (?:from|stories|news)\b.*|read next|comments?(?: \(\d+\))?:?|\d+ comments?|leave a (?:reply|comment)|join the (?:conversation|discussion)|about the author|tags?:.*|filed under:?.*|topics?:|trending(?: now)?|most (?:popular|read|viewed|shared)|popular (?:now|stories)|latest (?:news|stories)|sponsored (?:stories|links|content)|around the web|promoted stories|what to read next|editor'?s picks|more in \w+.*|up next:?|next article|previous article)$/i;
const END_OF_STORY =
  /^(?:top stories|features|features (?:&|and) analysis|most read|most popular|related topics|elsewhere on the bbc)$/i;

function headlineProblem(line: string): string | null {
  if (line.length > HEADLINE_MAX) return `the first line is ${line.length} characters long, so it is body text`;
  if (/[.,;:]$/.test(line) && !/\.\.\.$|…$/.test(line))
    return "the first line ends like a sentence, so it is body text";
  return null;
}

/** A link line in a related or external section: "Title https://…" or a bare URL. */
function linkItem(line: string): { title: string; url: string } | null {
  const m = URL_IN_LINE.exec(line);
  if (!m) return null;
  const title = line
    .replace(m[1], "")
    .replace(/[\s:–-]+$/, "")
    .trim();
  return { title: title || m[1], url: m[1] };
}

function truncateSummary(text: string, max = 2000): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/** A short line that is not a sentence: a heading, a caption, a menu entry or a list item. */
function isShortLine(text: string): boolean {
  return !isProse(text) && !endsLikeSentence(text) && wordCount(text) <= 40;
}

/**
 * Could this short line be a heading? Not a sentence trailing off ("Here's the thing …"), a byline,
 * date or bare name, a credit, a counter or a label of one capitalised word ("GETTY").
 */
function crossheadLike(t: string): boolean {
  if (/(?:\.\.\.|…)$/.test(t)) return false;
  if (isHeaderMaterial(t) || (t !== t.toUpperCase() && bylineIn(t, { bare: true }).length > 0)) return false;
  if (SLASH_CREDIT.test(t) || CREDIT_LINE.test(t) || /\(\d+\)$|^view all\b/i.test(t)) return false;
  if (/^\p{Lu}+$/u.test(t)) return false;
  return true;
}

/**
 * Could this line be a list item? Not a caption, credit, byline, date, notice, promo, embedded post
 * ("— Name (@handle) date", "pic.twitter…"), counter ("1 of 6") or quotation.
 */
function listItemLike(t: string): boolean {
  return (
    wordCount(t) <= 60 &&
    !/https?:|pic\.twitter|@\w|^\d+ of \d+$/.test(t) &&
    !/^["“‘—–]/.test(t) &&
    !CAPTION_LABEL.test(t) &&
    !MEDIA_FALLBACK.test(t) &&
    !isFurniture(t) &&
    !isPromo(t) &&
    !CREDIT_LINE.test(t) &&
    !CREDIT_TAIL.test(t) &&
    !SLASH_CREDIT.test(t) &&
    !/\b(?:submitted|file) photo$/i.test(t) &&
    !isHeaderMaterial(t) &&
    /\p{L}/u.test(t)
  );
}

/**
 * Where the story runs in a whole-page copy: the stretch of lines with the most prose in it, each
 * prose line counting its words and every other line a cost (the densest-region rule of boilerplate
 * removal, applied to lines). The cost of a line grows with the run of non-prose lines it is in, so a
 * long stretch of menus or forms cuts the story off from prose further down (site rules, comments);
 * a line set apart by blank lines (a paragraph of the page, however short) costs little.
 */
export function storyRegion(lines: Line[]): { start: number; end: number } | null {
  let best: { start: number; end: number; sum: number } | null = null;
  let sum = 0;
  let start = 0;
  let run = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    const prose = isProse(text) && !isFurniture(text) && !isPromo(text);
    const paragraphLike = lines[i].blankBefore && lines[i].blankAfter;
    run = prose ? 0 : paragraphLike ? run : run + 1;
    const gain = prose
      ? Math.min(wordCount(text), 100)
      : (isFurniture(text) ? -5 : paragraphLike ? -0.5 : -2) - 0.25 * Math.max(0, run - 4);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += gain;
    if (gain > 0 && (!best || sum > best.sum)) best = { start, end: i, sum };
  }
  if (!best) return null;
  // The region opens on its first prose line.
  let first = best.start;
  while (first < best.end && !isProse(lines[first].text)) first++;
  return { start: first, end: best.end };
}

/**
 * Lists of items the page repeats — readers' comments ("Reply", "Report"), cards of related stories
 * (a date under each) — inside or after the story: a short label or a date line that comes back three
 * times or more close together marks each item. Returns the lines those items take up (from one period
 * before the first label to the last label), to be left out of the body.
 */
function repeatedItems(lines: Line[], start: number, end: number): Set<number> {
  // What repeats: the same short label, or a date line (the date of each card of a list of stories).
  const key = (t: string): string | undefined => {
    if (
      wordCount(t) <= 2 &&
      /^\p{Lu}\p{Ll}/u.test(t) &&
      !isFurniture(t) &&
      !CAPTION_LABEL.test(t) &&
      !CREDIT_LINE.test(t) &&
      !SLASH_CREDIT.test(t)
    )
      return t;
    if (wordCount(t) <= 8 && !isProse(t) && !/^[—–-]|@/.test(t) && dateInLine(t)) return "\u0000date";
    return undefined;
  };
  const keys = lines.map((l, k) => (k >= start && k <= end ? key(l.text) : undefined));
  const out = new Set<number>();
  const done = new Set<string>();
  for (let k = start; k <= end; k++) {
    const label = keys[k];
    if (!label || done.has(label)) continue;
    // A cluster: uses of the label no more than 15 lines apart.
    const uses = [k];
    for (let j = k + 1; j <= end && j - uses[uses.length - 1] <= 15; j++) if (keys[j] === label) uses.push(j);
    // Dates also sit in galleries and timelines: cards repeat them more often.
    if (uses.length < (label === "\u0000date" ? 4 : 3)) continue;
    done.add(label);
    const period = uses[1] - uses[0];
    for (let j = Math.max(start, uses[0] - period + 1); j <= uses[uses.length - 1]; j++) out.add(j);
  }
  return out;
}

interface Layout {
  section?: string;
  headline: string;
  headlineIndex: number;
  /** First and last line of the body. */
  bodyFrom: number;
  bodyTo: number;
  /** Lines before this are the header: only standfirsts and labelled captions are kept from them. */
  headerEnd: number;
  byline: Author[];
  published?: string;
  used: Set<number>;
  guessed: boolean;
}

/** A clean copy: (section,) headline, header lines, story, as the reference article and corpus files are. */
function cleanLayout(lines: Line[]): Layout | null {
  let i = 0;
  while (i < lines.length - 1 && isFurniture(lines[i].text) && !isSectionName(lines[i].text)) i++;
  // A clean copy starts with its headline (or section); a page copy starts with a menu.
  const top = i;
  let section: string | undefined;
  if (isSectionName(lines[i].text) && i + 1 < lines.length) section = lines[i++].text;
  // A kicker above the headline ("U.S. news"): a label of a few words over a much longer title.
  else if (
    i + 1 < lines.length &&
    wordCount(lines[i].text) <= 3 &&
    !endsLikeSentence(lines[i].text) &&
    !headlineProblem(lines[i + 1].text) &&
    !isProse(lines[i + 1].text) &&
    !isHeaderMaterial(lines[i + 1].text) &&
    wordCount(lines[i + 1].text) >= 2 * wordCount(lines[i].text) + 2
  )
    i++;
  let headerLines = 0;
  while (i + 1 + headerLines < lines.length && headerLines < 8 && isHeaderMaterial(lines[i + 1 + headerLines].text))
    headerLines++;
  // Clean when the story starts right under the headline and its header lines, not after a menu.
  const region = storyRegion(lines);
  const afterHeader = i + 1 + headerLines;
  const clean = !region || (top <= 1 && (region.start - i <= 3 || afterHeader >= region.start));
  if (!clean) return null;
  const problem = headlineProblem(lines[i].text);
  if (problem) throw new ImportError(`no headline: ${problem}`);
  const header = readHeader(lines, i + 1, i + 1 + headerLines);
  return {
    section,
    headline: lines[i].text,
    headlineIndex: i,
    bodyFrom: i + 1,
    bodyTo: lines.length - 1,
    headerEnd: i + 1,
    byline: header.byline,
    ...(header.published ? { published: header.published } : {}),
    used: header.used,
    guessed: false,
  };
}

/** A whole page copied, menus and all: find the story, then its headline, byline and date. */
function fullPageLayout(lines: Line[]): Layout | null {
  const region = storyRegion(lines);
  if (!region) return null;
  const choice = findHeadline(lines, region.start);
  if (!choice) return null;
  const h = choice.index;
  const section = h > 0 && isSectionName(lines[h - 1].text) ? lines[h - 1].text : undefined;
  const headerEnd = Math.max(region.start, h + 1);
  const header = readHeader(lines, Math.max(0, h - 2), Math.min(lines.length, headerEnd + 3));
  if (!header.published) {
    // Some pages print the date a little above the headline (over the kicker) or below the lead
    // picture: the nearest date line within ten lines.
    for (let d = 3; d <= 10 && !header.published; d++) {
      for (const k of [h - d, headerEnd + d]) {
        if (k < 0 || k >= lines.length || wordCount(lines[k].text) > 14) continue;
        const date = dateInLine(lines[k].text);
        if (date) {
          header.published = date;
          header.used.add(k);
          break;
        }
      }
    }
  }
  // Labels are looked for a little past the last prose line: the last item ends with its label.
  const items = repeatedItems(lines, headerEnd, Math.min(lines.length - 1, region.end + 30));
  // Items that run to the end of the region end the story there (comments after it).
  let bodyTo = region.end;
  while (bodyTo > headerEnd && (items.has(bodyTo) || !isProse(lines[bodyTo].text))) bodyTo--;
  if (choice.rest) {
    // "Title by Name Date" on one line: the run-on part is the byline and date.
    const glued = readHeader([{ text: choice.rest, blankBefore: false, blankAfter: false }], 0, 1);
    if (glued.byline.length) header.byline = glued.byline;
    if (glued.published) header.published = glued.published;
  }
  return {
    section,
    headline: choice.text,
    headlineIndex: h,
    bodyFrom: h + 1,
    bodyTo: Math.max(bodyTo, h + 1),
    headerEnd,
    byline: header.byline,
    ...(header.published ? { published: header.published } : {}),
    used: new Set([...header.used, ...items]),
    guessed: true,
  };
}

/** The next line of the body that is not used up by the header, or -1. */
function nextIndex(lines: Line[], layout: Layout, i: number): number {
  for (let k = i + 1; k <= layout.bodyTo; k++) if (!layout.used.has(k) && !isFurniture(lines[k].text)) return k;
  return -1;
}

/** Body lines as typed blocks: captions, crossheads, lists, media, link sections; furniture dropped. */
function bodyBlocks(lines: Line[], layout: Layout): Block[] {
  const blocks: Block[] = [];
  let related: RelatedStoriesBlock | null = null;
  let external: ExternalLinksBlock | null = null;
  let inLinks: "related" | "external" | "other" | null = null;
  let pendingCredit: string | undefined;
  // Which line each block came from, so a credit line can turn the line above it into a caption.
  const origin = new Map<Block, number>();
  const push = (b: Block, at: number) => {
    blocks.push(b);
    origin.set(b, at);
  };
  const image = (caption: string | undefined, credit: string | undefined): ImageBlock => ({
    type: "image",
    alt: "",
    sizes: [],
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
  });
  // How many short lines in a row this one belongs to (menus and link lists are runs; labelled captions are not).
  const inRun = (k: number) => {
    const t = lines[k].text;
    return isShortLine(t) && !isFurniture(t) && !CAPTION_LABEL.test(t) && !MEDIA_FALLBACK.test(t);
  };
  const shortRun = (i: number) => {
    let n = 1;
    for (let k = i - 1; k >= layout.bodyFrom && inRun(k); k--) n++;
    for (let k = i + 1; k <= layout.bodyTo && inRun(k); k++) n++;
    return n;
  };

  // How many lines in a row around this one are not prose (chart labels, menus, link lists run long).
  const nonProseRun = (i: number) => {
    let n = 1;
    for (let k = i - 1; k >= layout.bodyFrom && !isProse(lines[k].text); k--) n++;
    for (let k = i + 1; k <= layout.bodyTo && !isProse(lines[k].text); k++) n++;
    return n;
  };

  // A prose line within three lines from `from`, going in direction `step`: lists sit inside the story.
  const proseNear = (from: number, step: number) => {
    for (let k = from, n = 0; n < 3 && k >= layout.bodyFrom && k <= layout.bodyTo; k += step, n++)
      if (isProse(lines[k].text) && !isPromo(lines[k].text)) return true;
    return false;
  };

  // Words of prose from each line to the end of the body.
  const proseAfter: number[] = new Array(lines.length + 1).fill(0);
  for (let k = layout.bodyTo; k >= 0; k--)
    proseAfter[k] = proseAfter[k + 1] + (k >= layout.bodyFrom && isProse(lines[k].text) ? wordCount(lines[k].text) : 0);

  // Browsers set a paragraph apart with blank lines and other blocks (menus, list items, captions)
  // with single newlines: on a page whose prose is laid out so, a short line on its own is a paragraph.
  let spaced = 0;
  let proseLines = 0;
  for (let k = layout.bodyFrom; k <= layout.bodyTo; k++) {
    if (!isProse(lines[k].text)) continue;
    proseLines++;
    if (lines[k].blankBefore && lines[k].blankAfter) spaced++;
  }
  const paragraphsSpaced = proseLines >= 3 && spaced >= 0.7 * proseLines;

  for (let i = layout.bodyFrom; i <= layout.bodyTo; i++) {
    if (layout.used.has(i)) continue;
    const line = lines[i];
    const text = line.text;
    const inHeader = i < layout.headerEnd;
    if (RELATED_HEADING.test(text)) {
      related ??= { type: "related-stories", title: "More on this story", items: [] };
      inLinks = "related";
      continue;
    }
    if (EXTERNAL_HEADING.test(text)) {
      external ??= {
        type: "external-links",
        title: "Related Internet links",
        items: [],
        disclaimer: EXTERNAL_LINKS_DISCLAIMER,
      };
      inLinks = "external";
      continue;
    }
    if (layout.guessed && COMMENTS_START.test(text) && blocks.some((b) => b.type === "paragraph")) {
      // Readers' comments can outweigh the story itself: the first comment header ends it whatever follows.
      inLinks = "other";
      continue;
    }
    if (END_OF_STORY.test(text) || (layout.guessed && AFTER_STORY.test(text))) {
      // In a whole-page copy such a heading can also sit above the story (a "Most popular" box).
      // A box inside the story ("Related", "Share this article") is skipped: the story goes on past it.
      if (layout.guessed && proseAfter[i] > 0.5 * (proseAfter[layout.bodyFrom] - proseAfter[i])) continue;
      inLinks = "other";
      continue;
    }
    if (EXTERNAL_DISCLAIMER.test(text)) continue;
    if (inLinks) {
      // Everything after the link sections is page furniture; only copied URLs are worth keeping.
      const item = linkItem(text);
      if (item && inLinks === "related") related?.items.push(item);
      if (item && inLinks === "external") external?.items.push(item);
      continue;
    }
    if (MEDIA_FALLBACK.test(text) || MEDIA_CAPTION.test(text)) {
      const media: MediaBlock = {
        type: "media",
        kind: "video",
        caption: "",
        sources: [],
        fallbackText: MEDIA_FALLBACK_TEXT,
      };
      let captionLine: string | undefined;
      if (MEDIA_CAPTION.test(text)) captionLine = text;
      else if (i + 1 <= layout.bodyTo && MEDIA_CAPTION.test(lines[i + 1].text)) captionLine = lines[++i].text;
      if (captionLine) media.caption = captionLine.replace(MEDIA_CAPTION, "").trim();
      push(media, i);
      continue;
    }
    if (IMAGE_CREDIT.test(text)) {
      const credit = text.replace(IMAGE_CREDIT, "").trim();
      if (i + 1 <= layout.bodyTo && IMAGE_CAPTION.test(lines[i + 1].text)) pendingCredit = credit;
      else if (credit) push(image(undefined, credit), i);
      continue;
    }
    if (IMAGE_CAPTION.test(text)) {
      const caption = text.replace(IMAGE_CAPTION, "").trim();
      if (caption || pendingCredit) push(image(caption, pendingCredit), i);
      pendingCredit = undefined;
      continue;
    }
    if (isFurniture(text) || isPromo(text)) continue;
    // A credit on its own line: "Devindra Hardawar/AOL", "NASA/JPL-Caltech/ASU" (agency after a slash).
    if (SLASH_CREDIT.test(text) && !inHeader) {
      const last = blocks.at(-1);
      if (last?.type === "image" && origin.get(last) === i - 1 && !last.credit) last.credit = text;
      else push(image(undefined, text), i);
      continue;
    }
    const credit = CREDIT_LINE.exec(text);
    if (credit && wordCount(text) <= 16) {
      // A credit under its caption: the line above was the caption.
      const last = blocks.at(-1);
      if (
        last &&
        origin.get(last) === i - 1 &&
        !line.blankBefore &&
        (last.type === "paragraph" || last.type === "crosshead")
      ) {
        blocks[blocks.length - 1] = image(last.text, credit[1].trim());
      } else if (last?.type === "image" && origin.get(last) === i - 1 && !last.credit) {
        last.credit = credit[1].trim();
      } else push(image(undefined, credit[1].trim()), i);
      continue;
    }
    // On a page that sets its paragraphs apart with blank lines, several lines run together without
    // one are the items of a list (list items are the blocks a browser copies with single newlines).
    if (paragraphsSpaced && line.blankBefore && !line.blankAfter && !inHeader) {
      let k = i;
      while (k < layout.bodyTo && !lines[k].blankAfter) k++;
      const run = lines.slice(i, k + 1).map((l) => l.text);
      const itemLike = (t: string) => wordCount(t) >= 3 && listItemLike(t);
      const sentences = run.filter((t) => isProse(t) || endsLikeSentence(t)).length;
      const used = lines.slice(i, k + 1).some((_, j) => layout.used.has(i + j));
      if (
        !used &&
        run.every(itemLike) &&
        (run.length >= 3 || (run.length === 2 && sentences === 2)) &&
        run.length <= 20 &&
        proseNear(i - 1, -1) &&
        proseNear(k + 1, 1)
      ) {
        push({ type: "list", ordered: false, items: run.map((t) => t.replace(BULLET, "").trim()) }, k);
        i = k;
        continue;
      }
    }
    if (BULLET.test(text)) {
      const items: string[] = [];
      while (i <= layout.bodyTo && BULLET.test(lines[i].text)) {
        const item = lines[i].text.replace(BULLET, "").trim();
        if (item) items.push(item);
        i++;
      }
      i--;
      if (items.length) push({ type: "list", ordered: false, items }, i);
      continue;
    }
    const quoted = CROSSHEAD_QUOTED.exec(text);
    if (quoted && quoted[1].trim().split(/\s+/).length <= 10 && !inHeader) {
      push({ type: "crosshead", text: quoted[1].trim(), level: 2 }, i);
      continue;
    }
    // A list without bullets: short lines right after a line ending with ":".
    const previous = blocks.at(-1);
    if (previous?.type === "paragraph" && previous.text.endsWith(":") && origin.get(previous) === i - 1 && !inHeader) {
      const items: string[] = [];
      let k = i;
      while (k <= layout.bodyTo) {
        const t = lines[k].text;
        const sameChunk = k === i || !lines[k].blankBefore;
        const listLike = wordCount(t) <= 40 && !t.endsWith(":") && listItemLike(t);
        if (!listLike || (!sameChunk && !isShortLine(t)) || layout.used.has(k) || isFurniture(t)) break;
        items.push(t);
        k++;
        if (lines[k - 1].blankAfter && !(k <= layout.bodyTo && isShortLine(lines[k].text))) break;
      }
      // A list sits inside the story: prose follows it (a box of links after a label ends the story).
      if (items.length >= 2 && proseNear(k, 1)) {
        push({ type: "list", ordered: false, items }, k - 1);
        i = k - 1;
        continue;
      }
    }
    const tail = CREDIT_TAIL.exec(text);
    if (tail && tail.index > 0 && wordCount(text) <= 80) {
      push(image(text.slice(0, tail.index).trim(), (tail[1] ?? tail[2]).trim()), i);
      continue;
    }
    if (isShortLine(text)) {
      const next = nextIndex(lines, layout, i);
      const nextIsProse = next >= 0 && isProse(lines[next].text) && !CAPTION_LABEL.test(lines[next].text);
      const words = wordCount(text);
      const alone = shortRun(i) <= 2;
      // Under a media or image line, in the same chunk: the caption of a picture, not a heading.
      const underMedia =
        !line.blankBefore &&
        i > layout.bodyFrom &&
        (CAPTION_LABEL.test(lines[i - 1].text) || MEDIA_FALLBACK.test(lines[i - 1].text));
      if (underMedia && words >= 5 && !inHeader) {
        push(image(text, undefined), i);
        continue;
      }
      if (
        !inHeader &&
        alone &&
        nextIsProse &&
        (words <= 14 || ANALYSIS_HEADING.test(text)) &&
        /^[\p{Lu}\p{N}"“‘'¿¡]/u.test(text) &&
        crossheadLike(text)
      ) {
        // A caption right above a crosshead shares its chunk; the crosshead is the line next to the prose.
        push({ type: "crosshead", text, level: 2 }, i);
        continue;
      }
      const sharesChunk = !line.blankBefore || !line.blankAfter;
      // A title-like line sharing its chunk with another block: an unlabelled caption, a promo or a
      // teaser. Without a label or credit it cannot be told which, and it is not story text: dropped.
      if (words >= 7 && alone && sharesChunk) continue;
      if (
        paragraphsSpaced &&
        line.blankBefore &&
        line.blankAfter &&
        !inHeader &&
        /\p{L}/u.test(text) &&
        nonProseRun(i) === 1
      ) {
        push({ type: "paragraph", text }, i);
        continue;
      }
      // Menus, link lists, counters, labels and links on their own line: short lines that are not headings.
      if (inHeader || !alone || words < 12) continue;
    }
    if (inHeader && !isProse(text)) continue;
    push({ type: "paragraph", text }, i);
  }
  if (related) blocks.push(related);
  if (external) blocks.push(external);
  return blocks;
}

/**
 * Reads a news page copied as plain text — the reference article, a corpus file, or a whole page
 * selected and copied in a browser with its menus — and keeps the story as typed blocks:
 * - the headline: the first line of a clean copy (after an optional section line), else the
 *   title-shaped line just above the story (before its byline or date);
 * - the byline ("By …", or a bare name beside the date) and the date, on lines of their own or
 *   run together, near the headline;
 * - "Media playback…"/"Media caption…" → media; "Image caption…"/"Image copyright…", captions with a
 *   credit ("… Photograph: X", "(AP Photo/X)", a "Credit…" line) → images without a file;
 * - crossheads: short lines in quotes, or short unpunctuated lines between paragraphs;
 * - lists: bullet lines, short lines after a line ending with ":", or lines run together without
 *   blank lines inside the story of a page that sets its paragraphs apart with them;
 * - "More on this story" / "Related Internet links" → their own blocks; promo lines ("Read more…",
 *   "Live updates from…"), share buttons, menus, newsletter and cookie notices dropped.
 * Summary: a paragraph directly under the headline is a standfirst — it becomes the summary and is
 * not repeated in the body. When the body opens with something else (lead media, as on the reference
 * page) the first paragraph is the story's intro below the media: it stays in the body and the summary
 * repeats it, as the page's own description does.
 */
export function parseCopiedText(text: string): CopiedText {
  const lines = toLines(text);
  if (lines.length === 0) throw new ImportError("no text (only whitespace)");
  const layout = cleanLayout(lines) ?? fullPageLayout(lines);
  if (!layout) {
    const problem = headlineProblem(lines[0].text) ?? "no line reads as a headline";
    throw new ImportError(`no headline: ${problem}`);
  }
  const headline = layout.headline;
  const blocks = bodyBlocks(lines, layout);

  const firstParagraph = blocks.findIndex((b) => b.type === "paragraph");
  let summary = "";
  if (firstParagraph >= 0) {
    summary = truncateSummary((blocks[firstParagraph] as ParagraphBlock).text);
    const onlyProse = blocks.filter((b) => b.type === "paragraph").length === 1;
    if (firstParagraph === 0 && !onlyProse) blocks.splice(0, 1);
  }
  if (blocks.length === 0 && !summary) throw new ImportError("no body text after the headline");
  return {
    ...(layout.section ? { section: layout.section } : {}),
    headline,
    byline: layout.byline,
    ...(layout.published ? { published: layout.published } : {}),
    summary,
    blocks,
    ...(layout.guessed
      ? {
          note: `read as a whole page copied with its menus: headline guessed from line ${layout.headlineIndex + 1} ("${truncateSummary(headline, 80)}"), story kept from line ${layout.bodyFrom + 1} to ${layout.bodyTo + 1} of ${lines.length} non-blank lines`,
        }
      : {}),
  };
}
