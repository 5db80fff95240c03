import type { Block, BlockOfType, BlockType } from "./block.ts";
import { crossheadText } from "./crosshead/text.ts";
import { embedText } from "./embed/text.ts";
import { externalLinksText } from "./external-links/text.ts";
import { imageText } from "./image/text.ts";
import { listText } from "./list/text.ts";
import { mediaText } from "./media/text.ts";
import { paragraphText } from "./paragraph/text.ts";
import { quoteText } from "./quote/text.ts";
import { relatedStoriesText } from "./related-stories/text.ts";

/** One plain-text function per block type; the type checker fails here when a block type has none. */
export const blockTexts: { [T in BlockType]: (b: BlockOfType<T>) => string } = {
  paragraph: paragraphText,
  crosshead: crossheadText,
  quote: quoteText,
  media: mediaText,
  image: imageText,
  list: listText,
  embed: embedText,
  "related-stories": relatedStoriesText,
  "external-links": externalLinksText,
};

/** Plain text of a block, for search, enrichment and summaries. */
export function blockText(b: Block): string {
  return (blockTexts[b.type] as (b: Block) => string)(b);
}
