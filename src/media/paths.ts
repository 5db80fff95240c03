/**
 * Media-library paths, shared by the server and the desk's browser bundle (so nothing here may
 * import sharp or the store).
 */

/** The public path of a media file. */
export const mediaPath = (name: string) => `/media/${name}`;

/** A library rendition's path: the media id, the crop variant if any, the width. */
const RENDITION_PATH = /^\/media\/([a-f0-9]{20})(-[a-f0-9]{8})?-\d+\.(?:jpg|webp|avif)$/;

/** The social-card JPEG of a library image, from any of its rendition paths; null for other images. */
export function ogImageOf(src: string): string | null {
  const m = RENDITION_PATH.exec(src);
  return m ? mediaPath(`${m[1]}${m[2] ?? ""}-og.jpg`) : null;
}

/** The media id of a library image, from any of its rendition paths; null for other images. */
export function mediaIdOf(src: string): string | null {
  return RENDITION_PATH.exec(src)?.[1] ?? null;
}

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** A name that can be a media file: no folders, nothing hidden, nothing odd in a URL or an object key. */
export function isMediaName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes("..");
}
