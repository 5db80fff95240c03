import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isMediaName } from "./paths.ts";
import { s3MediaStorage } from "./s3-storage.ts";

/**
 * Where media files live. Names are content-hashed, so a stored file never changes and can be
 * cached for a year. The local folder is the default; `s3-storage.ts` keeps them in an
 * S3-compatible object store.
 */
export interface MediaStorage {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  get(name: string): Promise<Buffer | null>;
  /** A human-readable location, for messages. */
  readonly location: string;
}

/** Names served at /media/: every file but kept originals, which may carry EXIF data (location). */
export function isPublicMediaName(name: string): boolean {
  return isMediaName(name) && !/-source\.[a-z]+$/.test(name);
}

/** A folder on disk; files are written to a temporary name and renamed, so a reader never sees half a file. */
export function localMediaStorage(folder: string): MediaStorage {
  return {
    location: folder,
    async put(name, bytes) {
      if (!isMediaName(name)) throw new Error(`bad media name ${name}`);
      mkdirSync(folder, { recursive: true });
      const tmp = join(folder, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, bytes);
      renameSync(tmp, join(folder, name));
    },
    async get(name) {
      if (!isMediaName(name)) return null;
      try {
        return readFileSync(join(folder, name));
      } catch {
        return null;
      }
    },
  };
}

/** The default media folder: `media/` beside the SQLite file, or NEWSDESK_MEDIA_DIR (PostgreSQL: ./media). */
export function defaultMediaFolder(storeLocation: string): string {
  if (process.env.NEWSDESK_MEDIA_DIR) return process.env.NEWSDESK_MEDIA_DIR;
  if (/^postgres(ql)?:\/\//.test(storeLocation) || storeLocation.startsWith("pglite")) return "media";
  return join(dirname(storeLocation), "media");
}

export class MediaConfigError extends Error {}

/**
 * Where media go, from `--media` or NEWSDESK_MEDIA: a folder, or `s3://bucket[/prefix]` for an
 * S3-compatible object store (NEWSDESK_S3_ENDPOINT for a store other than AWS, NEWSDESK_S3_REGION
 * or AWS_REGION, credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the SDK's other
 * sources). Without either: the folder beside the store (NEWSDESK_MEDIA_DIR, else media/).
 */
export function mediaStorageFor(storeLocation: string, spec = process.env.NEWSDESK_MEDIA): MediaStorage {
  if (!spec) return localMediaStorage(defaultMediaFolder(storeLocation));
  if (!spec.startsWith("s3://")) return localMediaStorage(spec);
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(spec);
  if (!m)
    throw new MediaConfigError(`media storage ${spec}: give s3://BUCKET or s3://BUCKET/PREFIX (a valid bucket name)`);
  const prefix = (m[2] ?? "").replace(/^\/+|\/+$/g, "");
  const endpoint = process.env.NEWSDESK_S3_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint))
    throw new MediaConfigError(`NEWSDESK_S3_ENDPOINT must be an http(s) URL; got ${endpoint}`);
  return s3MediaStorage({
    bucket: m[1],
    prefix: prefix ? `${prefix}/` : "",
    endpoint,
    region: process.env.NEWSDESK_S3_REGION || process.env.AWS_REGION || undefined,
    forcePathStyle: process.env.NEWSDESK_S3_PATH_STYLE ? process.env.NEWSDESK_S3_PATH_STYLE !== "0" : undefined,
  });
}

/** The media storage every command uses unless told otherwise: see mediaStorageFor. */
export function defaultMediaStorage(storeLocation: string): MediaStorage {
  return mediaStorageFor(storeLocation);
}
