/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ImageBlock } from "../../model/blocks.ts";
import type { BlockProps } from "./types.ts";

export function Image({ block }: BlockProps<ImageBlock>) {
  const srcset = block.sizes.length > 0 ? block.sizes.map((s) => `${s.src} ${s.width}w`).join(", ") : undefined;
  return (
    <figure class="image">
      {block.src ? (
        <img
          src={block.src}
          alt={block.alt}
          width={block.width}
          height={block.height}
          srcset={srcset}
          sizes={srcset ? "(min-width: 50rem) 46rem, 100vw" : undefined}
          loading="lazy"
          decoding="async"
        />
      ) : null}
      {block.caption || block.credit ? (
        <figcaption>
          {block.caption}
          {block.credit ? <span class="credit">{block.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
