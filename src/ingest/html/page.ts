import { ImportError } from "../importer.ts";
import { decodeHtml } from "./decode.ts";
import { limitNesting } from "./depth.ts";
import { type Extraction, extractArticle } from "./extract.ts";

/** Pages above this are refused: parsing alone would take tens of seconds and gigabytes. */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** Above this, scripts, styles and inline SVG (most of a huge page's bulk) are dropped before parsing. */
const STRIP_BULK_ABOVE = 2 * 1024 * 1024;

/** Bytes of an HTML page to its extraction, with the guards that keep bad input from crashing or hanging. */
export function extractHtml(bytes: Buffer, baseUrl?: string): Extraction {
  if (bytes.length > MAX_PAGE_BYTES) {
    throw new ImportError(
      `page is ${(bytes.length / 1048576).toFixed(0)} MB, over the ${MAX_PAGE_BYTES / 1048576} MB limit`,
    );
  }
  let html = decodeHtml(bytes);
  if (!html.trim()) throw new ImportError("no article found in the page (the file is empty)");
  if (html.length > STRIP_BULK_ABOVE) {
    html = html.replace(/<(script|style|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "");
  }
  return extractArticle(limitNesting(html).html, baseUrl);
}
