import { z } from "zod";
import { crossheadBlock } from "./crosshead/schema.ts";
import { embedBlock } from "./embed/schema.ts";
import { externalLinksBlock } from "./external-links/schema.ts";
import { imageBlock } from "./image/schema.ts";
import { listBlock } from "./list/schema.ts";
import { mediaBlock } from "./media/schema.ts";
import { paragraphBlock } from "./paragraph/schema.ts";
import { quoteBlock } from "./quote/schema.ts";
import { relatedStoriesBlock } from "./related-stories/schema.ts";

/**
 * The typed blocks an article body is made of: one discriminated union keyed by `type`, assembled
 * from each type's folder (src/blocks/<type>/schema.ts). Every importer produces only these.
 * Text fields hold plain text; `html` fields hold sanitized inline markup (a, em, strong, …).
 */
export const block = z.discriminatedUnion("type", [
  paragraphBlock,
  crossheadBlock,
  quoteBlock,
  mediaBlock,
  imageBlock,
  listBlock,
  embedBlock,
  relatedStoriesBlock,
  externalLinksBlock,
]);

export type Block = z.infer<typeof block>;
export type BlockType = Block["type"];
export type BlockOfType<T extends BlockType> = Extract<Block, { type: T }>;
