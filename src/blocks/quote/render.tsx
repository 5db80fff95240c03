/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import { tagPath } from "../../web/urls.ts";
import type { BlockProps } from "../render-context.ts";
import type { QuoteBlock } from "./schema.ts";

export function Quote({ block, ctx }: BlockProps<QuoteBlock>) {
  const speaker = ctx.speakers?.get(block) ?? (block.speaker ? { name: block.speaker, tag: null } : null);
  return (
    <figure class={block.pull ? "quote pull-quote" : "quote"}>
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {speaker ? (
        <figcaption>
          <cite>{speaker.tag ? <a href={tagPath("person", speaker.tag)}>{speaker.name}</a> : speaker.name}</cite>
        </figcaption>
      ) : null}
    </figure>
  );
}
