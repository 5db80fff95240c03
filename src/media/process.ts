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

/** A crop as fractions of the (EXIF-rotated) original: left, top, width, height, each 0–1. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}
/** The point of interest as fractions across and down the (cropped) image; kept in social cards. */
export interface Focal {
  x: number;
  y: number;
}

/** The social card's size: the 1.91:1 raster that Facebook, LinkedIn and X show largest. */
export const OG_HEIGHT = 630;

async function decode(bytes: Buffer): Promise<Sharp> {
  try {
    // Decode everything once, failing on truncation and corruption, with EXIF orientation applied.
    const decoded = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PIXELS, animated: false })
      .rotate()
      .toBuffer({ resolveWithObject: true });
    return sharp(decoded.data, { limitInputPixels: MAX_PIXELS });
  } catch (error) {
    throw new MediaError(`the image is damaged or incomplete (${(error as Error).message.split("\n")[0]})`);
  }
}

type Box = { left: number; top: number; width: number; height: number };

/** The crop in whole pixels of a width×height image, at least 1×1 and inside it. */
export function cropPixels(crop: Crop, width: number, height: number) {
  const left = Math.min(width - 1, Math.max(0, Math.round(crop.x * width)));
  const top = Math.min(height - 1, Math.max(0, Math.round(crop.y * height)));
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(crop.width * width))),
    height: Math.max(1, Math.min(height - top, Math.round(crop.height * height))),
  };
}

/**
 * The part of a width×height image a social card shows: the largest 1200:630 box that holds the
 * focal point as near its centre as the edges allow.
 */
export function ogBox(width: number, height: number, focal: Focal) {
  const ratio = OG_WIDTH / OG_HEIGHT;
  const boxWidth = Math.min(width, Math.round(height * ratio));
  const boxHeight = Math.min(height, Math.round(boxWidth / ratio));
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  return {
    left: Math.round(clamp(focal.x * width - boxWidth / 2, width - boxWidth)),
    top: Math.round(clamp(focal.y * height - boxHeight / 2, height - boxHeight)),
    width: boxWidth,
    height: boxHeight,
  };
}

/**
 * Every rendition of `base` (width×height): each width in AVIF, WebP and JPEG, and the 1200 px
 * social-card JPEG, named `<prefix>-<width>.<ext>` and `<prefix>-og.jpg`. With a focal point the
 * card is cropped to 1200×630 around it; without one it is the whole image 1200 px wide.
 */
async function renditionsOf(base: Sharp, prefix: string, region: Box, focal?: Focal) {
  const { width, height } = region;
  const whole = region.left === 0 && region.top === 0;
  const widths = [...RENDITION_WIDTHS.filter((w) => w < width), Math.min(width, RENDITION_WIDTHS.at(-1)!)];
  const renditions: Rendition[] = [];
  const files: ProcessedImage["files"] = [];
  const encode = async (w: number, f: Rendition["format"], suffix = `${w}`, box: Box = region, h?: number) => {
    // One pipeline per file: extract (crop) then resize, so a crop is never encoded twice.
    let pipeline = base.clone();
    if (!whole || box !== region) pipeline = pipeline.extract(box);
    pipeline = pipeline.resize(h ? { width: w, height: h, fit: "fill" } : { width: w, withoutEnlargement: true });
    pipeline =
      f === "avif"
        ? pipeline.avif({ quality: 55, effort: 2 })
        : f === "webp"
          ? pipeline.webp({ quality: 78 })
          : pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
    const out = await pipeline.toBuffer({ resolveWithObject: true });
    const name = `${prefix}-${suffix}.${EXTENSIONS[f]}`;
    files.push({ name, bytes: out.data, contentType: CONTENT_TYPES[f] });
    return { name, format: f, width: out.info.width, height: out.info.height };
  };
  for (const w of [...new Set(widths)]) {
    for (const f of ["avif", "webp", "jpeg"] as const) renditions.push(await encode(w, f));
  }
  // Social networks want a raster of about 1200 px; SVG is never accepted there.
  if (focal) {
    const box = ogBox(width, height, focal);
    await encode(
      OG_WIDTH,
      "jpeg",
      "og",
      { ...box, left: region.left + box.left, top: region.top + box.top },
      OG_HEIGHT,
    );
  } else {
    await encode(OG_WIDTH, "jpeg", "og");
  }
  return { renditions, files };
}

export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  const { format, width, height } = await inspectImage(bytes);
  const id = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
  const base = await decode(bytes);
  const { renditions, files } = await renditionsOf(base, id, { left: 0, top: 0, width, height });
  return { id, format, width, height, renditions, files };
}

/**
 * A cropped version of a library image, made from its original: renditions named
 * `<id>-<variant>-<width>.<ext>`, where the variant is a hash of the crop and focal point, so each
 * version has its own names and stays cacheable for a year.
 */
export async function cropImage(
  original: Buffer,
  id: string,
  crop: Crop | undefined,
  focal: Focal | undefined,
): Promise<ProcessedImage> {
  const { format } = await inspectImage(original);
  const base = await decode(original);
  // The decoded image's own size: EXIF rotation may have swapped the original's sides.
  const { width = 1, height = 1 } = await base.metadata();
  const region = crop ? cropPixels(crop, width, height) : { left: 0, top: 0, width, height };
  const variant = createHash("sha256")
    .update(JSON.stringify({ crop: crop ?? null, focal: focal ?? null }))
    .digest("hex")
    .slice(0, 8);
  const { renditions, files } = await renditionsOf(base, `${id}-${variant}`, region, focal);
  return { id, format, width: region.width, height: region.height, renditions, files };
}
