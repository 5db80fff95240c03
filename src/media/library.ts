import type { ImageBlock } from "../blocks/image/schema.ts";
import type { Actor } from "../editorial/actor.ts";
import { safeText } from "../ingest/sanitize.ts";
import type { Store } from "../store/store.ts";
import { processImage } from "./process.ts";
import type { MediaStorage } from "./storage.ts";

/** The public path of a media file. */
export const mediaPath = (name: string) => `/media/${name}`;

/** The social-card JPEG of a library image, from any of its rendition paths; null for other images. */
export function ogImageOf(src: string): string | null {
  const m = /^\/media\/([a-f0-9]{20})-\d+\.(?:jpg|webp|avif)$/.exec(src);
  return m ? mediaPath(`${m[1]}-og.jpg`) : null;
}

export interface Upload {
  bytes: Buffer;
  originalName: string;
  alt: string;
  caption: string;
  credit: string;
}

/**
 * Checks, resizes and stores an uploaded image; returns the image block to place in a story.
 * Nothing is stored unless every rendition was made.
 */
export async function uploadImage(
  store: Store,
  storage: MediaStorage,
  actor: Actor,
  upload: Upload,
  now: Date,
): Promise<ImageBlock> {
  const processed = await processImage(upload.bytes);
  for (const f of processed.files) await storage.put(f.name, f.bytes, f.contentType);
  const text = (s: string, max: number) => safeText(s).slice(0, max);
  const row = {
    id: processed.id,
    originalName: text(upload.originalName, 200) || "upload",
    format: processed.format,
    width: processed.width,
    height: processed.height,
    bytes: upload.bytes.length,
    alt: text(upload.alt, 500),
    caption: text(upload.caption, 1000),
    credit: text(upload.credit, 200),
    renditions: processed.renditions,
    createdAt: now.toISOString(),
    createdBy: actor.name,
  };
  await store.media.upsertMedia(row);
  const jpegs = processed.renditions.filter((r) => r.format === "jpeg");
  const largest = jpegs[jpegs.length - 1];
  return {
    type: "image",
    src: mediaPath(largest.name),
    alt: row.alt,
    ...(row.caption ? { caption: row.caption } : {}),
    ...(row.credit ? { credit: row.credit } : {}),
    width: largest.width,
    height: largest.height,
    sizes: jpegs.map((r) => ({ src: mediaPath(r.name), width: r.width })),
  };
}
