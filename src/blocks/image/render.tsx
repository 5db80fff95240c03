/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { ImageBlock } from "./schema.ts";

const SIZES = "(min-width: 50rem) 46rem, 100vw";
/** A media-library JPEG rendition: its AVIF and WebP twins have the same name with another extension. */
const LIBRARY_JPEG = /^\/media\/[a-f0-9]{20}(-[a-f0-9]{8})?-\d+\.jpg$/;

export function Image({ block }: BlockProps<ImageBlock>) {
  const srcset = block.sizes.length > 0 ? block.sizes.map((s) => `${s.src} ${s.width}w`).join(", ") : undefined;
  const library = srcset !== undefined && block.sizes.every((s) => LIBRARY_JPEG.test(s.src));
  const img = block.src ? (
    <img
      src={block.src}
      alt={block.alt}
      width={block.width}
      height={block.height}
      srcset={srcset}
      sizes={srcset ? SIZES : undefined}
      loading="lazy"
      decoding="async"
    />
  ) : null;
  return (
    <figure class="image">
      {library ? (
        <picture>
          {(["avif", "webp"] as const).map((ext) => (
            <source
              type={`image/${ext}`}
              srcset={block.sizes.map((s) => `${s.src.replace(/\.jpg$/, `.${ext}`)} ${s.width}w`).join(", ")}
              sizes={SIZES}
            />
          ))}
          {img}
        </picture>
      ) : (
        img
      )}
      {block.caption || block.credit ? (
        <figcaption>
          {block.caption}
          {block.credit ? <span class="credit">{block.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
