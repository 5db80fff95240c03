import type { Block, BlockOfType, BlockType } from "./block.ts";
import { crossheadToHtml } from "./crosshead/to-html.ts";
import { embedToHtml } from "./embed/to-html.ts";
import { externalLinksToHtml } from "./external-links/to-html.ts";
import { imageToHtml } from "./image/to-html.ts";
import { listToHtml } from "./list/to-html.ts";
import { mediaToHtml } from "./media/to-html.ts";
import { paragraphToHtml } from "./paragraph/to-html.ts";
import { quoteToHtml } from "./quote/to-html.ts";
import { relatedStoriesToHtml } from "./related-stories/to-html.ts";

/**
 * Blocks as plain, standard body HTML (the ninjs export): markup any consumer can show, with a class
 * or data attribute on the few elements from-html needs to read the same blocks back.
 * `position` counts blocks of the same type before this one (names ninjs associations).
 */
export const blockToHtml: { [T in BlockType]: (b: BlockOfType<T>, position: number) => string } = {
  paragraph: paragraphToHtml,
  crosshead: crossheadToHtml,
  quote: quoteToHtml,
  media: mediaToHtml,
  image: imageToHtml,
  list: listToHtml,
  embed: embedToHtml,
  "related-stories": relatedStoriesToHtml,
  "external-links": externalLinksToHtml,
};

export function blocksToHtml(blocks: Block[]): string {
  const seen = new Map<BlockType, number>();
  return blocks
    .map((b) => {
      const position = seen.get(b.type) ?? 0;
      seen.set(b.type, position + 1);
      return (blockToHtml[b.type] as (b: Block, position: number) => string)(b, position);
    })
    .join("\n");
}
