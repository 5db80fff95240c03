/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { QuoteBlock } from "../../model/blocks.ts";
import type { BlockProps } from "./types.ts";

export function Quote({ block }: BlockProps<QuoteBlock>) {
  return (
    <figure class={block.pull ? "quote pull-quote" : "quote"}>
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {block.speaker ? (
        <figcaption>
          <cite>{block.speaker}</cite>
        </figcaption>
      ) : null}
    </figure>
  );
}
