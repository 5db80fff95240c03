import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "./schema.ts";

/** A video with no file: readers see the fallback text, as for a clip that is not yet available. */
export const video = (caption: string, durationSeconds?: number): MediaBlock => ({
  type: "media",
  kind: "video",
  caption,
  sources: [],
  durationSeconds,
  fallbackText: MEDIA_FALLBACK_TEXT,
});

export const audio = (caption: string, src: string, durationSeconds?: number): MediaBlock => ({
  type: "media",
  kind: "audio",
  caption,
  sources: [{ src, mimeType: "audio/wav" }],
  durationSeconds,
  fallbackText: MEDIA_FALLBACK_TEXT,
});
