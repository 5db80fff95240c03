/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { EmbedBlock } from "./schema.ts";

/** Third-party markup runs in a sandboxed frame with no script, never in our page. */
export function Embed({ block }: BlockProps<EmbedBlock>) {
  const label = block.title ?? (block.provider ? `Content from ${block.provider}` : "Embedded content");
  return (
    <figure class="embed">
      {/* The frame's document says it follows the reader's scheme, so it is not a white box in dark mode. */}
      {block.html ? (
        <iframe
          sandbox=""
          srcdoc={`<!DOCTYPE html><meta name="color-scheme" content="light dark">${block.html}`}
          title={label}
        />
      ) : null}
      <figcaption>
        <a href={block.url} rel="external noopener">
          {label}
        </a>
        {block.provider && block.title ? <span class="provider"> on {block.provider}</span> : null}
      </figcaption>
    </figure>
  );
}
