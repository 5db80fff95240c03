import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

export interface MediaRow {
  id: string;
  originalName: string;
  format: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
  renditions: { name: string; format: string; width: number; height: number }[];
  createdAt: string;
  createdBy: string;
}

/** The media library's rows; the files themselves are in a MediaStorage (src/media/storage.ts). */
export interface MediaRepository {
  /** Inserts, or (same content uploaded again) updates the alt text, caption and credit. */
  upsertMedia(row: MediaRow): Promise<void>;
  mediaById(id: string): Promise<MediaRow | null>;
}

export function mediaRepository(db: Db, _engine: Engine): MediaRepository {
  return {
    async upsertMedia(r) {
      await db
        .insertInto("media")
        .values({
          id: r.id,
          original_name: r.originalName,
          format: r.format,
          width: r.width,
          height: r.height,
          bytes: r.bytes,
          alt: r.alt,
          caption: r.caption,
          credit: r.credit,
          renditions: JSON.stringify(r.renditions),
          created_at: r.createdAt,
          created_by: r.createdBy,
        })
        .onConflict((oc) => oc.column("id").doUpdateSet({ alt: r.alt, caption: r.caption, credit: r.credit }))
        .execute();
    },
    async mediaById(id) {
      const r = await db.selectFrom("media").selectAll().where("id", "=", id).executeTakeFirst();
      return r
        ? {
            id: r.id,
            originalName: r.original_name,
            format: r.format,
            width: Number(r.width),
            height: Number(r.height),
            bytes: Number(r.bytes),
            alt: r.alt,
            caption: r.caption,
            credit: r.credit,
            renditions: JSON.parse(r.renditions),
            createdAt: r.created_at,
            createdBy: r.created_by,
          }
        : null;
    },
  };
}
