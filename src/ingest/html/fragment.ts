import { parseHTML } from "linkedom";
import type { Block } from "../../model/blocks.ts";
import { htmlToBlocks } from "./blocks.ts";
import { limitNesting } from "./depth.ts";

/** Blocks from an HTML fragment that is all article (a feed item's content), with no extraction step. */
export function fragmentToBlocks(html: string, base?: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${limitNesting(html).html}</body></html>`);
  return htmlToBlocks(document.body as unknown as Element, base);
}
