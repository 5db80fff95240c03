import type { Block, BlockType } from "../../model/blocks.ts";
import type { ArticleRef } from "../queries.ts";
import type { Speaker } from "./speakers.ts";

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

export type BlockOfType<T extends BlockType> = Extract<Block, { type: T }>;
