/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { FC } from "hono/jsx";
import type { Block, BlockType } from "../../model/blocks.ts";
import { Crosshead } from "./crosshead.tsx";
import { Embed } from "./embed.tsx";
import { ExternalLinks } from "./external-links.tsx";
import { Image } from "./image.tsx";
import { List } from "./list.tsx";
import { Media } from "./media.tsx";
import { Paragraph } from "./paragraph.tsx";
import { Quote } from "./quote.tsx";
import { RelatedStories } from "./related-stories.tsx";
import type { BlockContext, BlockOfType, BlockProps } from "./types.ts";

/** One component per block type; the type checker fails here when a block type has none. */
export const blockRenderers: { [T in BlockType]: FC<BlockProps<BlockOfType<T>>> } = {
  paragraph: Paragraph,
  crosshead: Crosshead,
  quote: Quote,
  media: Media,
  image: Image,
  list: List,
  embed: Embed,
  "related-stories": RelatedStories,
  "external-links": ExternalLinks,
};

export function Blocks({ blocks, ctx }: { blocks: Block[]; ctx: BlockContext }) {
  return (
    <>
      {blocks.map((block, index) => {
        const Renderer = blockRenderers[block.type] as FC<BlockProps<Block>>;
        return <Renderer block={block} index={index} ctx={ctx} />;
      })}
    </>
  );
}
