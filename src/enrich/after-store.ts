import type { Store } from "../store/store.ts";

/**
 * Work that needs the rest of the archive once articles are stored: related stories, story
 * threads, near-duplicates. Called after every import batch and editorial write.
 */
export async function afterArticlesStored(_store: Store, _articleIds: string[]): Promise<void> {}
