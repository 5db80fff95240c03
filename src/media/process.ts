import { createHash } from "node:crypto";
import sharp, { type Metadata, type Sharp } from "sharp";

/**
 * Checks an upload by its content (sharp reads the real format; the file name and the declared
 * type are ignored) and makes the renditions reader pages use: each width in AVIF, WebP and JPEG,
 * plus a 1200 px JPEG for social cards. Everything is decoded in full first, so a truncated or
 * corrupt file is refused before anything is stored.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Larger images are refused before decoding: a small file can declare a huge canvas (decompression bomb). */
export const MAX_PIXELS = 50_000_000;
export const RENDITION_WIDTHS = [320, 640, 1024, 1600] as const;
export const OG_WIDTH = 1200;
const ACCEPTED = new Set(["jpeg", "png", "webp", "avif", "heif", "gif"]);

export class MediaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MediaError";
  }
}

export interface Rendition {
  name: string;
  format: "avif" | "webp" | "jpeg";
  width: number;
  height: number;
}

export interface ProcessedImage {
  /** Content hash of the original bytes: the media id and the prefix of every file name. */
  id: string;
  format: string;
  width: number;
  height: number;
  renditions: Rendition[];
  files: { name: string; bytes: Buffer; contentType: string }[];
}

const CONTENT_TYPES = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" } as const;
const EXTENSIONS = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;

export async function inspectImage(bytes: Buffer): Promise<{ format: string; width: number; height: number }> {
  if (bytes.length === 0) throw new MediaError("the file is empty");
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new MediaError(`the file is ${bytes.length} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes`);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError("the file is not an image (JPEG, PNG, WebP, AVIF or GIF), whatever its name says");
  }
  const format = meta.format === "heif" && meta.compression === "av1" ? "avif" : meta.format;
  if (!format || !ACCEPTED.has(format) || (meta.format === "heif" && format !== "avif"))
    throw new MediaError(`${format ?? "this"} images are not accepted; upload JPEG, PNG, WebP, AVIF or GIF`);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new MediaError("the image has no size");
  if (width * height > MAX_PIXELS)
    throw new MediaError(
      `the image is ${width}×${height} (${Math.round((width * height) / 1e6)} megapixels); the limit is ${MAX_PIXELS / 1e6} megapixels`,
    );
  return { format, width, height };
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  const { format, width, height } = await inspectImage(bytes);
  const id = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
  let base: Sharp;
  try {
    // Decode everything once, failing on truncation and corruption, with EXIF orientation applied.
    const decoded = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .toBuffer({ resolveWithObject: true });
    base = sharp(decoded.data, { limitInputPixels: MAX_PIXELS });
  } catch (error) {
    throw new MediaError(`the image is damaged or incomplete (${(error as Error).message.split("\n")[0]})`);
  }
  const widths = [...RENDITION_WIDTHS.filter((w) => w < width), Math.min(width, RENDITION_WIDTHS.at(-1)!)];
  const renditions: Rendition[] = [];
  const files: ProcessedImage["files"] = [];
  const encode = async (w: number, f: Rendition["format"], suffix = `${w}`) => {
    let pipeline = base.clone().resize({ width: w, withoutEnlargement: true });
    pipeline =
      f === "avif"
        ? pipeline.avif({ quality: 55, effort: 2 })
        : f === "webp"
          ? pipeline.webp({ quality: 78 })
          : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
    const out = await pipeline.toBuffer({ resolveWithObject: true });
    const name = `${id}-${suffix}.${EXTENSIONS[f]}`;
    files.push({ name, bytes: out.data, contentType: CONTENT_TYPES[f] });
    return { name, format: f, width: out.info.width, height: out.info.height };
  };
  for (const w of [...new Set(widths)]) {
    for (const f of ["avif", "webp", "jpeg"] as const) renditions.push(await encode(w, f));
  }
  // Social networks want a raster of about 1200 px; SVG is never accepted there.
  const og = await encode(OG_WIDTH, "jpeg", "og");
  void og;
  return { id, format, width, height, renditions, files };
}
