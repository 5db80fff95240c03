import type { Store } from "../../store/store.ts";
import { detectDuplicates } from "../duplicates/duplicates.ts";
import { assignThreads } from "../threads/threads.ts";
import { chunks } from "./batch-writes.ts";
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
  const ids = (
    await store.db.selectFrom("articles").select("id").where("status", "=", "published").orderBy("id").execute()
  ).map((r) => r.id);
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("related_links").execute();
    await trx.deleteFrom("article_duplicates").execute();
    await trx.deleteFrom("thread_articles").execute();
  });
  const stages: [string, (part: string[]) => Promise<unknown>][] = [
    [
      "index",
      (part) => store.db.transaction().execute(async (trx) => indexArticles(trx, await loadSourceArticles(trx, part))),
    ],
    [
      "reweight",
      (part) => store.db.transaction().execute(async (trx) => indexArticles(trx, await loadSourceArticles(trx, part))),
    ],
    ["duplicates", (part) => store.db.transaction().execute((trx) => detectDuplicates(trx, part))],
    [
      "related",
      (part) => store.db.transaction().execute(async (trx) => offerToOthers(trx, await computeRelated(trx, part))),
    ],
    ["threads", (part) => store.db.transaction().execute((trx) => assignThreads(trx, part))],
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
