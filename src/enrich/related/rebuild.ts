import { chunks } from "../../store/chunked.ts";
import type { Store } from "../../store/store.ts";
import { detectDuplicates } from "../duplicates/duplicates.ts";
import { assignThreads } from "../threads/threads.ts";
import { computeRelated, offerToOthers } from "./compute.ts";
import { mergeDfDeltas } from "./df.ts";
import { indexArticles, loadSourceArticles } from "./features.ts";

/**
 * Recomputes features, duplicates, related lists and threads for every published article, e.g.
 * for a store imported before this feature existed. Features are indexed twice so that every
 * vector is weighted with the document frequencies of the whole archive, not of the batches
 * stored before it.
 */
export async function rebuildRelated(
  store: Store,
  onProgress: (stage: string, done: number, total: number) => void = () => {},
  batchSize = 500,
): Promise<number> {
  const ids: string[] = [];
  for (let page = await store.articles.idsAfter("", 10_000, { status: "published" }); page.length > 0; ) {
    ids.push(...page);
    page = await store.articles.idsAfter(page[page.length - 1], 10_000, { status: "published" });
  }
  await store.transaction(async (trx) => {
    await trx.related.clearLinks();
    await trx.duplicates.remove();
    await trx.threads.remove();
  });
  const stages: [string, (part: string[]) => Promise<unknown>][] = [
    ["index", (part) => store.transaction(async (trx) => indexArticles(trx, await loadSourceArticles(trx, part)))],
    ["reweight", (part) => store.transaction(async (trx) => indexArticles(trx, await loadSourceArticles(trx, part)))],
    ["duplicates", (part) => store.transaction((trx) => detectDuplicates(trx, part))],
    ["related", (part) => store.transaction(async (trx) => offerToOthers(trx, await computeRelated(trx, part)))],
    ["threads", (part) => store.transaction((trx) => assignThreads(trx, part))],
  ];
  for (const [stage, run] of stages) {
    let done = 0;
    for (const part of chunks(ids, batchSize)) {
      await run(part);
      if (stage === "index" || stage === "reweight") await mergeDfDeltas(store);
      done += part.length;
      onProgress(stage, done, ids.length);
    }
  }
  return ids.length;
}
