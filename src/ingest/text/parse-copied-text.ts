import type { Block } from "../../blocks/block.ts";
import { EXTERNAL_LINKS_DISCLAIMER, type ExternalLinksBlock } from "../../blocks/external-links/schema.ts";
import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "../../blocks/media/schema.ts";
import type { ParagraphBlock } from "../../blocks/paragraph/schema.ts";
import type { RelatedStoriesBlock } from "../../blocks/related-stories/schema.ts";
import { ImportError } from "../importer.ts";
import { isSectionName } from "./section-names.ts";

/** What a copied news page in plain text yields before ids and defaults are added. */
export interface CopiedText {
  /** The section line when the page has one ("UK Politics"); otherwise the caller's default applies. */
  section?: string;
  headline: string;
  /** From a "By Name, Role" line right under the headline, when the page has one. */
  byline: { name: string; role?: string }[];
  /** From a date line under the headline ("3 September 2011 Last updated at 14:37 BST"), as ISO UTC. */
  published?: string;
  summary: string;
  blocks: Block[];
}

const MEDIA_FALLBACK = /^media playback is unsupported on your device\.?$/i;
// The caption label is often glued to the caption itself when a page is copied: "Media captionDavid Cameron: …".
const MEDIA_CAPTION = /^media caption\s*:?\s*/i;
// Image furniture survives copying without the image, so there is nothing to attach it to.
const IMAGE_FURNITURE = /^image (?:caption|copyright)/i;
const RELATED_HEADING = /^more on this story$/i;
const EXTERNAL_HEADING = /^related internet links$/i;
const EXTERNAL_DISCLAIMER = /is not responsible for the content of external/i;
const CROSSHEAD = /^['‘]([^'‘’"]{1,80})['’]$/;
const BULLET = /^(?:[-–•*])\s+/;
const URL_IN_LINE = /(https?:\/\/\S+)/;
const HEADLINE_MAX = 200;
// Share buttons and page chrome that survive a copy; never story text on their own line.
const CHROME_LINE =
  /^(?:share|share this (?:page|with)|email|facebook|twitter|x|messenger|whatsapp|linkedin|copy this link|close share panel|these are external links and will open in a new window|read more about these links\.?|published|last updated|comments)$/i;
// Page sections after the story: nothing from here on is part of it.
const END_OF_STORY =
  /^(?:top stories|features|features (?:&|and) analysis|most read|most popular|related topics|elsewhere on the bbc)$/i;
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DATE_LINE = new RegExp(
  `^(?:published:?\\s*)?(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})(?:[\\s,·|-]+(?:last updated at\\s*)?(\\d{1,2}):(\\d{2})(?:\\s*(gmt|bst|utc))?)?$`,
  "i",
);
// "By James Landale, Political correspondent": capitalised names, so "By early 2005 …" is body text.
const BYLINE =
  /^By ((?:[A-Z][\p{L}'’.-]*)(?: (?:[A-Z][\p{L}'’.-]*|de|van|von|der|al|bin)){1,4})(?:(?:,| -) ([^.]{2,80}))?$/u;

/** Lines grouped into paragraphs: runs of non-blank lines, whitespace collapsed. */
function toChunks(text: string): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/[\s\u00a0\u200b]+/g, " ").trim();
    if (line) current.push(line);
    else if (current.length) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

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

/** "3 September 2011", with an optional "Last updated at 14:37 BST", as an ISO timestamp in UTC. */
function parseDateLine(line: string): string | undefined {
  const m = DATE_LINE.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  // Date.UTC rolls 31 February over into March: such a line is not a date.
  if (new Date(Date.UTC(Number(m[3]), month, Number(m[1]))).getUTCDate() !== Number(m[1])) return undefined;
  const offsetHours = m[6]?.toLowerCase() === "bst" ? 1 : 0;
  const date = new Date(
    Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4] ?? 0) - offsetHours, Number(m[5] ?? 0)),
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function truncateSummary(text: string, max = 2000): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…`;
}

/**
 * Reads a news page copied as plain text (the reference article) or a corpus file (headline, then
 * paragraphs). Keeps the story and turns page furniture into typed blocks or drops it:
 * - an optional section line (a known section name) above the headline, and a "By …" line below it;
 * - "Media playback is unsupported…" + "Media caption…" → a media block with that caption;
 * - short lines in single quotes → crossheads; lines starting with "- " → lists;
 * - "More on this story" / "Related Internet links" → their own blocks (items only where a URL was
 *   copied), the external-sites disclaimer dropped; nothing after them joins the body.
 * Summary: a paragraph directly under the headline is a standfirst — it becomes the summary and is
 * not repeated in the body. When the body opens with something else (lead media, as on the reference
 * page) the first paragraph is the story's intro below the media: it stays in the body and the summary
 * repeats it, as the page's own description does.
 */
export function parseCopiedText(text: string): CopiedText {
  const chunks = toChunks(text);
  if (chunks.length === 0) throw new ImportError("no text (only whitespace)");
  const head = chunks[0];
  let rest = chunks.slice(1);
  let section: string | undefined;
  if (isSectionName(head[0]) && (head.length > 1 || rest.length > 0)) {
    section = head[0];
    if (head.length > 1) head.shift();
    else {
      head.splice(0, 1, ...rest[0]);
      rest = rest.slice(1);
    }
  }
  const headline = head[0];
  const problem = headlineProblem(headline);
  if (problem) throw new ImportError(`no headline: ${problem}`);
  if (head.length > 1) rest = [head.slice(1), ...rest];
  const byline: CopiedText["byline"] = [];
  let published: string | undefined;
  // The byline and the date sit right under the headline, in either order.
  for (let k = 0; k < 2 && rest[0]?.length === 1; k++) {
    const line = rest[0][0];
    const by = byline.length ? null : BYLINE.exec(line);
    const date = published ? null : parseDateLine(line);
    if (by) byline.push(by[2] ? { name: by[1], role: by[2].trim() } : { name: by[1] });
    else if (date) published = date;
    else break;
    rest = rest.slice(1);
  }

  const blocks: Block[] = [];
  let related: RelatedStoriesBlock | null = null;
  let external: ExternalLinksBlock | null = null;
  let inLinks: "related" | "external" | "other" | null = null;

  for (let c = 0; c < rest.length; c++) {
    const lines = rest[c];
    const prose: string[] = [];
    const flushProse = () => {
      if (prose.length) blocks.push({ type: "paragraph", text: prose.join(" ") });
      prose.length = 0;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (RELATED_HEADING.test(line)) {
        flushProse();
        related ??= { type: "related-stories", title: "More on this story", items: [] };
        inLinks = "related";
        continue;
      }
      if (EXTERNAL_HEADING.test(line)) {
        flushProse();
        external ??= {
          type: "external-links",
          title: "Related Internet links",
          items: [],
          disclaimer: EXTERNAL_LINKS_DISCLAIMER,
        };
        inLinks = "external";
        continue;
      }
      if (END_OF_STORY.test(line)) {
        flushProse();
        inLinks = "other";
        continue;
      }
      if (EXTERNAL_DISCLAIMER.test(line) || IMAGE_FURNITURE.test(line) || CHROME_LINE.test(line)) continue;
      if (inLinks) {
        // Everything after the link sections is page furniture; only copied URLs are worth keeping.
        const item = linkItem(line);
        if (item && inLinks === "related") related?.items.push(item);
        if (item && inLinks === "external") external?.items.push(item);
        continue;
      }
      if (MEDIA_FALLBACK.test(line) || MEDIA_CAPTION.test(line)) {
        flushProse();
        const media: MediaBlock = {
          type: "media",
          kind: "video",
          caption: "",
          sources: [],
          fallbackText: MEDIA_FALLBACK_TEXT,
        };
        let captionLine: string | undefined;
        if (MEDIA_CAPTION.test(line)) captionLine = line;
        else if (i + 1 < lines.length && MEDIA_CAPTION.test(lines[i + 1])) captionLine = lines[++i];
        else if (i + 1 === lines.length && MEDIA_CAPTION.test(rest[c + 1]?.[0] ?? "")) {
          // The caption was copied as its own paragraph: take it and carry on with that paragraph's rest.
          captionLine = rest[c + 1][0];
          rest[c + 1] = rest[c + 1].slice(1);
        }
        if (captionLine) media.caption = captionLine.replace(MEDIA_CAPTION, "").trim();
        blocks.push(media);
        continue;
      }
      prose.push(line);
    }
    if (prose.length === 1 && lines.length === 1) {
      const crosshead = CROSSHEAD.exec(prose[0]);
      if (crosshead && crosshead[1].trim().split(/\s+/).length <= 10) {
        blocks.push({ type: "crosshead", text: crosshead[1].trim(), level: 2 });
        continue;
      }
    }
    const firstBullet = prose.findIndex((l) => BULLET.test(l));
    if (firstBullet >= 0 && prose.slice(firstBullet).every((l) => BULLET.test(l))) {
      const items = prose.slice(firstBullet).map((l) => l.replace(BULLET, "").trim());
      prose.length = firstBullet;
      flushProse();
      blocks.push({ type: "list", ordered: false, items: items.filter((t) => t.length > 0) });
      continue;
    }
    flushProse();
  }
  if (related) blocks.push(related);
  if (external) blocks.push(external);

  const firstParagraph = blocks.findIndex((b) => b.type === "paragraph");
  let summary = "";
  if (firstParagraph >= 0) {
    summary = truncateSummary((blocks[firstParagraph] as ParagraphBlock).text);
    const onlyProse = blocks.filter((b) => b.type === "paragraph").length === 1;
    if (firstParagraph === 0 && !onlyProse) blocks.splice(0, 1);
  }
  if (blocks.length === 0 && !summary) throw new ImportError("no body text after the headline");
  return { section, headline, byline, ...(published ? { published } : {}), summary, blocks };
}
