import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Block } from "../../blocks/block.ts";
import { htmlToBlocks } from "../../blocks/from-html.ts";
import { dropFurnitureBlocks, removeFurniture, removeLinkClusters } from "./boilerplate.ts";
import { type PageMetadata, readMetadata } from "./metadata.ts";
import { findBodyByScoring } from "./scoring.ts";

/** linkedom leaves a fragment without <html> documentless; give it the page structure a browser would. */
function parsePage(html: string): Document {
  const { document } = parseHTML(html);
  if (document.documentElement?.tagName === "HTML" && document.body) return document as unknown as Document;
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

export interface Extraction {
  metadata: PageMetadata;
  blocks: Block[];
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
export function extractArticle(html: string, baseUrl?: string): Extraction {
  const document = parsePage(html);
  const metadata = readMetadata(document, baseUrl);
  const base = baseUrl ?? metadata.canonicalUrl;
  removeFurniture(document);
  const result = runReadability(document);
  let blocks: Block[] = [];
  let method: Extraction["method"] = "none";
  const headline = metadata.headline ?? result?.title ?? undefined;
  if (result?.content) {
    removeLinkClusters(result.content);
    blocks = dropFurnitureBlocks(htmlToBlocks(result.content, base), headline, metadata.summary);
    if (blocks.length) method = "readability";
  }
  if (!blocks.length) {
    // Readability found nothing (or only furniture); it has changed the page, so score a fresh parse.
    const fresh = parsePage(html);
    removeFurniture(fresh);
    const body = findBodyByScoring(fresh);
    if (body) {
      removeLinkClusters(body);
      blocks = dropFurnitureBlocks(htmlToBlocks(body, base), headline, metadata.summary);
      if (blocks.length) method = "scoring";
    }
  }
  return {
    metadata,
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
