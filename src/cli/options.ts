import { type Command, Option } from "commander";
import type { MediaStorage } from "../media/storage.ts";
import { openStore, resolveDbLocation } from "../store/open.ts";
import type { Store } from "../store/store.ts";
import { UserError } from "./errors.ts";

/** Every command that touches the store takes --db (PATH or postgres:// URL). */
export function dbOption(command: Command): Command {
  return command.addOption(
    new Option("--db <path|url>", "SQLite file or postgres:// URL (default: $NEWSDESK_DB or ./newsdesk.db)"),
  );
}

/** Opens the store named by --db, runs `fn`, and always closes it. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Commands that write or serve media take --media (a folder or s3://bucket/prefix; $NEWSDESK_MEDIA). */
export function mediaOption(command: Command): Command {
  return command.addOption(
    new Option(
      "--media <dir|s3-url>",
      "where uploaded and copied images go: a folder, or s3://BUCKET[/PREFIX] (default: media/ beside the SQLite file)",
    ).env("NEWSDESK_MEDIA"),
  );
}

/** The media storage --media names, with a one-line message when it is malformed. */
export async function openMedia(store: Store, spec: string | undefined): Promise<MediaStorage> {
  const { MediaConfigError, mediaStorageFor } = await import("../media/storage.ts");
  try {
    return mediaStorageFor(store.location, spec || undefined);
  } catch (error) {
    if (error instanceof MediaConfigError) throw new UserError(error.message);
    throw error;
  }
}
