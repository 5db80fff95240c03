import { z } from "zod";
import { url } from "../fields.ts";

/** The one wording readers see where a player cannot play; importers and the sample use it. */
export const MEDIA_FALLBACK_TEXT = "Media playback is unsupported on your device";

export const mediaSource = z.object({
  src: url,
  mimeType: z.string().regex(/^(video|audio|application)\/[\w.+-]+/, "must be a MIME type such as video/mp4"),
});

export const mediaBlock = z.object({
  type: z.literal("media"),
  kind: z.enum(["video", "audio"]),
  caption: z.string().default(""),
  poster: url.optional(),
  sources: z.array(mediaSource).default([]),
  durationSeconds: z.number().nonnegative().optional(),
  /** Shown where the device cannot play the media. */
  fallbackText: z.string().default(MEDIA_FALLBACK_TEXT),
});

export type MediaBlock = z.infer<typeof mediaBlock>;
