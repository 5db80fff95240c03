/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { FC } from "hono/jsx";
import type { Block, BlockOfType, BlockType } from "./block.ts";
import { Crosshead } from "./crosshead/render.tsx";
import { Embed } from "./embed/render.tsx";
import { ExternalLinks } from "./external-links/render.tsx";
import { Image } from "./image/render.tsx";
import { List } from "./list/render.tsx";
import { Media } from "./media/render.tsx";
import { Paragraph } from "./paragraph/render.tsx";
import { Quote } from "./quote/render.tsx";
import { RelatedStories } from "./related-stories/render.tsx";
import type { BlockContext, BlockProps } from "./render-context.ts";

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
