import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Where media files live. Names are content-hashed, so a stored file never changes and can be
 * cached for a year. The local folder is the default; an object store would implement the same three
 * methods (not written yet: see README "Desk").
 */
export interface MediaStorage {
  put(name: string, bytes: Buffer, contentType: string): Promise<void>;
  get(name: string): Promise<Buffer | null>;
  /** A human-readable location, for messages. */
  readonly location: string;
}

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export function isMediaName(name: string): boolean {
  return SAFE_NAME.test(name) && !name.includes("..");
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

/** The media storage every command uses: the folder beside the store unless configured otherwise. */
export function defaultMediaStorage(storeLocation: string): MediaStorage {
  return localMediaStorage(defaultMediaFolder(storeLocation));
}
