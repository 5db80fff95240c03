import type { ImageBlock } from "../blocks/image/schema.ts";
import type { Actor } from "../editorial/actor.ts";
import { safeText } from "../ingest/sanitize.ts";
import type { Store } from "../store/store.ts";
import { mediaPath } from "./paths.ts";
import { type Crop, cropImage, type Focal, MediaError, type ProcessedImage, processImage } from "./process.ts";
import type { MediaStorage } from "./storage.ts";

/** The uploaded original, kept (never served) so a crop can be made from full quality later. */
export const sourceName = (id: string, format: string) => `${id}-source.${format === "jpeg" ? "jpg" : format}`;

/** The rendition fields of an image block: the largest JPEG as `src`, every JPEG width in `sizes`. */
function blockImage(processed: ProcessedImage) {
  const jpegs = processed.renditions.filter((r) => r.format === "jpeg");
  const largest = jpegs[jpegs.length - 1];
  return {
    src: mediaPath(largest.name),
    width: largest.width,
    height: largest.height,
    sizes: jpegs.map((r) => ({ src: mediaPath(r.name), width: r.width })),
  };
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
  await storage.put(sourceName(processed.id, processed.format), upload.bytes, "application/octet-stream");
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
  return {
    type: "image",
    alt: row.alt,
    ...(row.caption ? { caption: row.caption } : {}),
    ...(row.credit ? { credit: row.credit } : {}),
    ...blockImage(processed),
  };
}

/**
 * New renditions of a library image for a crop and focal point (the lead image's social card is
 * cut around the focal point). Made from the kept original; images uploaded before originals were
 * kept are cut from their largest rendition.
 */
export async function cropLibraryImage(
  store: Store,
  storage: MediaStorage,
  mediaId: string,
  crop: Crop | undefined,
  focal: Focal | undefined,
): Promise<Pick<ImageBlock, "src" | "width" | "height" | "sizes" | "crop" | "focal">> {
  const row = await store.media.mediaById(mediaId);
  if (!row) throw new MediaError(`there is no image ${mediaId} in the media library`);
  const largest = row.renditions.filter((r) => r.format === "jpeg").at(-1);
  const original =
    (await storage.get(sourceName(row.id, row.format))) ?? (largest ? await storage.get(largest.name) : null);
  if (!original) throw new MediaError(`the files of image ${mediaId} are missing from ${storage.location}`);
  const processed = await cropImage(original, row.id, crop, focal);
  for (const f of processed.files) await storage.put(f.name, f.bytes, f.contentType);
  return { ...blockImage(processed), ...(crop ? { crop } : {}), ...(focal ? { focal } : {}) };
}
