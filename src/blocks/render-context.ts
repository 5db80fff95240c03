import type { ArticleRef } from "../web/queries.ts";
import type { Block } from "./block.ts";
import type { Speaker } from "./quote/speakers.ts";

/** What a block may need beyond itself: the current URLs of articles it links to, quote speakers. */
export interface BlockContext {
  refs: Map<string, ArticleRef>;
  speakers?: Map<Block, Speaker>;
}

export interface BlockProps<B extends Block> {
  block: B;
  /** Position in the body; makes ids unique when a type appears twice. */
  index: number;
  ctx: BlockContext;
}
