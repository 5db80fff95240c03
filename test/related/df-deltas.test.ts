import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { corpusPaths, readCorpusArticle } from "../../bench/related/corpus.ts";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { documentFrequencies, mergeDfDeltas } from "../../src/enrich/related/df.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

// Articles of every topic, so batches share terms and later ones re-weight against earlier ones.
const PATHS = corpusPaths().filter((_, i) => i % 37 === 3);
const BATCH = 15;

async function importInBatches(t: TestStore, foldEveryBatch: boolean): Promise<void> {
  for (let i = 0; i < PATHS.length; i += BATCH) {
    const articles = PATHS.slice(i, i + BATCH).map((p) => readCorpusArticle(p));
    await saveArticles(
      t.store,
      articles.map((article) => ({ article })),
    );
    await afterArticlesStored(
      t.store,
      articles.map((a) => a.id),
    );
    if (foldEveryBatch) await mergeDfDeltas(t.store, 1);
  }
}

/** The truth: in how many indexed articles each term occurs. */
async function countedFrequencies(t: TestStore): Promise<Map<string, number>> {
  const rows = await kyselyOf(t.store).selectFrom("related_features").select("all_terms").execute();
  const df = new Map<string, number>();
  for (const r of rows) for (const term of JSON.parse(r.all_terms) as string[]) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

async function pendingDeltas(t: TestStore): Promise<number> {
  const r = await kyselyOf(t.store)
    .selectFrom("related_term_df_delta")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function links(t: TestStore) {
  return kyselyOf(t.store)
    .selectFrom("related_links")
    .select(["article_id", "related_id", "score"])
    .orderBy("article_id")
    .orderBy("related_id")
    .execute();
}

for (const engine of ENGINES) {
  describe(`document frequencies as appended deltas on ${engine}`, () => {
    let folded: TestStore;
    let pending: TestStore;
    before(async () => {
      folded = await tempStore(engine);
      pending = await tempStore(engine);
      await importInBatches(folded, true);
      await importInBatches(pending, false);
    });
    after(async () => {
      await folded.cleanup();
      await pending.cleanup();
    });

    test("base counts plus pending deltas equal the counted frequencies, folded or not", async () => {
      assert.ok(PATHS.length >= 50);
      assert.equal(await pendingDeltas(folded), 0);
      assert.ok((await pendingDeltas(pending)) > 0, "the unfolded store still has deltas to sum");
      const truth = await countedFrequencies(pending);
      assert.ok(truth.size > 1000);
      for (const t of [folded, pending]) assert.deepEqual(await documentFrequencies(t.store, truth.keys()), truth);
    });

    test("folding now and then does not change any related list or score", async () => {
      const a = await links(folded);
      assert.ok(a.length > 20);
      assert.deepEqual(a, await links(pending));
    });

    test("folding keeps the counts, and re-indexing or removing articles afterwards stays exact", async () => {
      const before = await documentFrequencies(pending.store, (await countedFrequencies(pending)).keys());
      assert.ok((await mergeDfDeltas(pending.store, 1)) > 0);
      assert.equal(await pendingDeltas(pending), 0);
      assert.deepEqual(await documentFrequencies(pending.store, before.keys()), before);
      assert.equal(await mergeDfDeltas(pending.store, 1), 0, "nothing left to fold");

      const ids = PATHS.slice(0, 5).map((p) => readCorpusArticle(p).id);
      await kyselyOf(pending.store).updateTable("articles").set({ status: "draft" }).where("id", "in", ids).execute();
      await afterArticlesStored(pending.store, ids);
      const truth = await countedFrequencies(pending);
      const now = await documentFrequencies(pending.store, before.keys());
      // Terms only the withdrawn articles had now count zero; every other count matches.
      for (const term of before.keys()) assert.equal(now.get(term) ?? 0, truth.get(term) ?? 0, term);
      assert.ok(
        [...before].some(([term, n]) => (truth.get(term) ?? 0) < n),
        "withdrawing lowered some counts",
      );
    });
  });
}
