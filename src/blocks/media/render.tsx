/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { MediaBlock } from "./schema.ts";

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Native <video>/<audio>, so playback needs no script. With no source the reader gets the
 * fallback text; a source the device cannot decode is caught by the optional media check
 * (pages/enhance.ts), which swaps the player for the same text.
 */
export function Media({ block }: BlockProps<MediaBlock>) {
  const playable = block.sources.length > 0;
  const Player = block.kind === "audio" ? "audio" : "video";
  return (
    <figure class={`media media-${block.kind}`}>
      {playable ? (
        <Player controls preload="none" poster={block.kind === "video" ? block.poster : undefined} playsinline>
          {block.sources.map((s) => (
            <source src={s.src} type={s.mimeType} />
          ))}
        </Player>
      ) : null}
      <p class="media-unsupported" hidden={playable}>
        {block.fallbackText}
      </p>
      <figcaption>
        <span class="caption-label">Media caption</span>
        {block.caption}
        {block.durationSeconds !== undefined ? (
          <span class="duration"> ({formatDuration(block.durationSeconds)})</span>
        ) : null}
      </figcaption>
    </figure>
  );
}
