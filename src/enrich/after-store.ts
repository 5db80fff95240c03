import type { Store } from "../store/store.ts";
import { detectDuplicates } from "./duplicates/duplicates.ts";
import { computeRelated, offerToOthers } from "./related/compute.ts";
import { mergeDfDeltas } from "./related/df.ts";
import { indexArticles, loadSourceArticles, removeFeatures } from "./related/features.ts";
import { assignThreads } from "./threads/threads.ts";

/**
 * Work that needs the rest of the archive once articles are stored: related stories, story
 * threads, near-duplicates. Called after every import batch and editorial write.
 * Idempotent and safe for any set of ids: a missing or unpublished id loses its derived rows.
 */
export async function afterArticlesStored(store: Store, articleIds: string[]): Promise<void> {
  const ids = [...new Set(articleIds)];
  if (ids.length === 0) return;
  const offers = await store.transaction(async (trx) => {
    const articles = await loadSourceArticles(trx, ids);
    const present = new Set(articles.map((a) => a.id));
    const gone = ids.filter((id) => !present.has(id));
    if (gone.length > 0) {
      await removeFeatures(trx, gone);
      await trx.related.deleteLinks(gone);
      await trx.duplicates.remove(gone);
      await trx.threads.remove(gone);
    }
    if (articles.length === 0) return [];
    const indexed = articles.map((a) => a.id);
    await indexArticles(trx, articles);
    await detectDuplicates(trx, indexed);
    const offers = await computeRelated(trx, indexed);
    await assignThreads(trx, indexed);
    return offers;
  });
  // Rows shared with other batches (older articles' lists, the counters) are written after the
  // commit in short transactions of their own: inside the one above, concurrent workers would
  // hold them for the whole batch and queue behind, or deadlock on, each other.
  if (offers.length > 0) await store.transaction((trx) => offerToOthers(trx, offers));
  await mergeDfDeltas(store);
}
