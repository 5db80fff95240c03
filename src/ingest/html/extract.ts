import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Block } from "../../model/blocks.ts";
import { htmlToBlocks } from "./blocks.ts";
import { dropFurnitureBlocks, removeFurniture, removeLinkClusters } from "./boilerplate.ts";
import { type PageMetadata, readMetadata } from "./metadata.ts";

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

/** Parses a page and extracts its metadata and body as typed blocks. `html` must already be depth-guarded. */
export function extractArticle(html: string, baseUrl?: string): Extraction {
  const { document } = parseHTML(html);
  const metadata = readMetadata(document as unknown as Document, baseUrl);
  const base = baseUrl ?? metadata.canonicalUrl;
  removeFurniture(document as unknown as Document);
  // The serializer hands back Readability's element itself: no serialising and re-parsing the article.
  const result = new Readability<Element>(document as unknown as Document, {
    keepClasses: true,
    serializer: (node) => node as Element,
  }).parse();
  let blocks: Block[] = [];
  if (result?.content) {
    removeLinkClusters(result.content);
    blocks = dropFurnitureBlocks(
      htmlToBlocks(result.content, base),
      metadata.headline ?? result.title ?? undefined,
      metadata.summary,
    );
  }
  return {
    metadata,
    blocks,
    method: blocks.length ? "readability" : "none",
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
