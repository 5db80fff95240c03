import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Block } from "../../blocks/block.ts";
import { captionAndCredit } from "../../blocks/dom.ts";
import { embedFromBlockquote } from "../../blocks/embed/from-html.ts";
import type { EmbedBlock } from "../../blocks/embed/schema.ts";
import { htmlToBlocks } from "../../blocks/from-html.ts";
import { imageFromHtml } from "../../blocks/image/from-html.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import { dropFurnitureBlocks, removeFurniture, removeLinkClusters } from "./boilerplate.ts";
import { type PageMetadata, readMetadata, splitByline } from "./metadata.ts";
import { findBodyByScoring } from "./scoring.ts";
import {
  attachListCaptions,
  cleanHeadline,
  cleanPerson,
  dropLeadFurniture,
  type LeadContext,
  samePicture,
} from "./tidy.ts";

/** linkedom leaves a fragment without <html> documentless; give it the page structure a browser would. */
function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === "HTML" && document.body) return document as unknown as Document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

export interface Extraction {
  metadata: PageMetadata;
  blocks: Block[];
  /** The headline without the site, author or section affixes the page adds. */
  headline?: string;
  /** The page's share image as the page shows it (widest rendition, srcset, alt, caption), when found in it. */
  leadImage?: ImageBlock;
  /** Which method found the body: Readability, or our own scoring when Readability found nothing. */
  method: "readability" | "scoring" | "none";
  /** Readability's own metadata, used as fallbacks. */
  readability?: {
    title?: string;
    byline?: string;
    excerpt?: string;
    publishedTime?: string;
    lang?: string;
    dir?: string;
  };
}

/**
 * Readability walks linkedom's tree with assumptions a browser's parser guarantees and linkedom does
 * not (e.g. content after </html> leaves nodes without a parent); when it throws, our own scoring
 * takes over rather than failing the page.
 */
function runReadability(document: Document) {
  try {
    return new Readability<Element>(document, {
      keepClasses: true,
      // The serializer hands back Readability's element itself: no serialising and re-parsing the article.
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    return null;
  }
}

/** Parses a page and extracts its metadata and body as typed blocks. `html` must already be depth-guarded. */
/** The <img> showing the share image (same picture, any rendition), read before furniture removal takes the page header. */
function findLeadImage(document: Document, src: string | undefined, base: string | undefined): ImageBlock | undefined {
  if (!src) return undefined;
  for (const img of document.querySelectorAll("img")) {
    const block = imageFromHtml(img, base, img.closest("figure"));
    if (block && (samePicture(block.src, src) || block.sizes.some((s) => samePicture(s.src, src)))) {
      if (!block.caption && !img.closest("figure")) Object.assign(block, nearbyCaption(img));
      return block;
    }
  }
  return undefined;
}

/**
 * A header picture often sits outside any <figure>, its caption a few levels away (the Guardian's
 * immersive header): the first figcaption that belongs to no other figure, within four levels up.
 */
function nearbyCaption(img: Element): { caption?: string; credit?: string } {
  let el: Element | null = img.parentElement;
  for (let up = 0; el && up < 4; up++, el = el.parentElement) {
    const loose = [...el.querySelectorAll("figcaption")].find((f) => !f.closest("figure"));
    if (loose) return captionAndCredit(loose);
  }
  return {};
}

const EMBED_MARK = "\u2063nd-embed-";
const EMBED_LINE = /^\u2063nd-embed-(\d+)\u2063/;

/**
 * Readability drops embedded posts (a tweet is mostly a link and sits in its own widget), which
 * loses the tweet's text and the story with it. Each one is read as an embed first and stands in the
 * page as a plain paragraph of its text, marked, which Readability keeps with the prose around it.
 */
function holdEmbeds(document: Document, base: string | undefined): EmbedBlock[] {
  const held: EmbedBlock[] = [];
  for (const el of document.querySelectorAll("blockquote")) {
    const embed = embedFromBlockquote(el, base);
    if (!embed) continue;
    const p = document.createElement("p");
    p.setAttribute("data-nd-embed", "");
    p.textContent = `${EMBED_MARK}${held.length}\u2063 ${embed.title ?? embed.url}`;
    el.replaceWith(p);
    held.push(embed);
  }
  return held;
}

function restoreEmbeds(blocks: Block[], held: EmbedBlock[]): Block[] {
  if (!held.length) return blocks;
  return blocks.map((b) => {
    if (b.type !== "paragraph") return b;
    const m = b.text.match(EMBED_LINE);
    return m && held[Number(m[1])] ? held[Number(m[1])] : b;
  });
}

export function extractArticle(html: string, baseUrl?: string): Extraction {
  const document = parsePage(html);
  const metadata = readMetadata(document, baseUrl);
  const base = baseUrl ?? metadata.canonicalUrl;
  const leadImage = findLeadImage(document, metadata.leadImage, base);
  const held = holdEmbeds(document, base);
  removeFurniture(document);
  const result = runReadability(document);
  let blocks: Block[] = [];
  let method: Extraction["method"] = "none";
  const rawHeadline = metadata.headline ?? result?.title ?? undefined;
  const names = [...metadata.byline, ...metadata.pageByline, ...splitByline(result?.byline ?? undefined)].map(
    (n) => cleanPerson(n).name,
  );
  const headline = rawHeadline
    ? cleanHeadline(
        rawHeadline,
        [metadata.siteName, metadata.publisher, metadata.section, ...names],
        metadata.titleCandidates.filter((t) => t !== rawHeadline),
      )
    : undefined;
  const lead: LeadContext = { headline: headline ?? "", names, summary: metadata.summary };
  const tidy = (found: Block[]) =>
    attachListCaptions(
      dropLeadFurniture(dropFurnitureBlocks(restoreEmbeds(found, held), headline, metadata.summary), lead),
    );
  if (result?.content) {
    removeLinkClusters(result.content);
    blocks = tidy(htmlToBlocks(result.content, base));
    if (blocks.length) method = "readability";
  }
  if (!blocks.length) {
    // Readability found nothing (or only furniture); it has changed the page, so score a fresh parse.
    const fresh = parsePage(html);
    removeFurniture(fresh);
    holdEmbeds(fresh, base);
    const body = findBodyByScoring(fresh);
    if (body) {
      removeLinkClusters(body);
      blocks = tidy(htmlToBlocks(body, base));
      if (blocks.length) method = "scoring";
    }
  }
  if (leadImage && !leadImage.credit && lead.orphanCredit) leadImage.credit = lead.orphanCredit;
  return {
    metadata,
    headline,
    leadImage,
    blocks,
    method,
    readability: result
      ? {
          title: result.title ?? undefined,
          byline: result.byline ?? undefined,
          excerpt: result.excerpt ?? undefined,
          publishedTime: result.publishedTime ?? undefined,
          lang: result.lang ?? undefined,
          dir: result.dir ?? undefined,
        }
      : undefined,
  };
}
