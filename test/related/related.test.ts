import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { corpusId, corpusPaths, knownDuplicatePairs, readCorpusArticle } from "../../bench/related/corpus.ts";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { listDuplicates } from "../../src/enrich/duplicates/duplicates.ts";
import { rebuildRelated } from "../../src/enrich/related/rebuild.ts";
import { clearRelatedOverride, excludeRelated, pinRelated, relatedFor } from "../../src/enrich/related/related.ts";
import { getThread, threadFor } from "../../src/enrich/threads/threads.ts";
import type { ArticleInput } from "../../src/model/article.ts";
import { saveArticle, saveArticles } from "../../src/store/articles.ts";
import { StoreError } from "../../src/store/store.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

// Two developing stories from the 2005 corpus, plus unrelated articles from other topics.
const GLAZER = ["business/179", "business/224", "business/242", "business/293"];
const LSE = ["business/203", "business/264", "business/279", "business/316", "business/319", "business/392"];
const GREEK = [
  "sport/016",
  "sport/017",
  "sport/023",
  "sport/033",
  "sport/048",
  "sport/050",
  "sport/051",
  "sport/054",
  "sport/082",
];
const OTHER = ["tech/001", "tech/002", "entertainment/001", "politics/001", "sport/200", "business/100"];
const DUP_PAIRS = knownDuplicatePairs().slice(0, 4);
const DUP_PATHS = DUP_PAIRS.flat().map((p) => p.replace(/\.txt$/, ""));
// A background of the first 60 articles of each topic, so term weights resemble a real archive's.
const LATER = new Set(["business/293", ...DUP_PATHS]);
const BACKGROUND = corpusPaths()
  .map((p) => p.replace(/\.txt$/, ""))
  .filter((p) => Number(p.split("/")[1]) <= 60 && !LATER.has(p));

function dated(path: string, day: number): ArticleInput {
  const a = readCorpusArticle(`${path}.txt`);
  return { ...a, firstPublished: new Date(Date.UTC(2005, 0, 1 + day, 9)).toISOString() };
}

/** Stores corpus articles a day apart and runs the after-store hook per batch, as the importer does. */
async function store(t: TestStore, paths: string[], firstDay = 0): Promise<void> {
  for (let i = 0; i < paths.length; i += 100) {
    const articles = paths.slice(i, i + 100).map((p, j) => dated(p, firstDay + ((i + j) % 300)));
    await saveArticles(
      t.store,
      articles.map((article) => ({ article })),
    );
    await afterArticlesStored(
      t.store,
      articles.map((a) => a.id),
    );
  }
}

const id = (path: string) => corpusId(`${path}.txt`);

for (const engine of ENGINES) {
  describe(`related stories, duplicates and threads on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
      const clusters = [...GLAZER.slice(0, 3), ...LSE, ...GREEK, ...OTHER];
      await store(
        t,
        BACKGROUND.filter((p) => !clusters.includes(p)),
        100,
      );
      await store(t, clusters);
      await store(t, DUP_PATHS, 40);
    });
    after(async () => {
      await t.cleanup();
    });

    test("ranks articles of the same story first and leaves unrelated topics out", async () => {
      const related = await relatedFor(t.store, id("business/264"), 5);
      assert.ok(related.length >= 3, `expected several related stories, got ${related.length}`);
      for (const r of related.slice(0, 3)) assert.ok(LSE.map(id).includes(r.id), `${r.headline} is not an LSE story`);
      const greek = await relatedFor(t.store, id("sport/033"), 5);
      assert.ok(greek.length >= 3);
      for (const r of greek) assert.equal(r.sectionSlug, "sport", r.headline);
      for (let i = 1; i < related.length; i++) assert.ok(related[i - 1].score >= related[i].score);
    });

    test("a new article becomes related to older ones", async () => {
      const before = await relatedFor(t.store, id("business/224"), 10);
      assert.ok(!before.some((r) => r.id === id("business/293")));
      await store(t, ["business/293"], 10);
      const fresh = await relatedFor(t.store, id("business/293"), 5);
      assert.ok(
        fresh.some((r) => GLAZER.map(id).includes(r.id)),
        "the new article finds the older Glazer stories",
      );
      const older = await relatedFor(t.store, id("business/224"), 5);
      assert.ok(
        older.some((r) => r.id === id("business/293")),
        "an older Glazer story now lists the new one",
      );
    });

    test("running the hook again gives the same lists (idempotent)", async () => {
      const ids = [...GLAZER, ...LSE].map(id);
      await afterArticlesStored(t.store, ids);
      const first = await Promise.all(ids.map((i) => relatedFor(t.store, i, 10)));
      await afterArticlesStored(t.store, ids);
      await afterArticlesStored(t.store, ids.slice(2));
      const second = await Promise.all(ids.map((i) => relatedFor(t.store, i, 10)));
      assert.deepEqual(
        second.map((l) => l.map((r) => r.id)),
        first.map((l) => l.map((r) => r.id)),
      );
    });

    test("editors' pins and exclusions win over the computed list", async () => {
      const target = id("business/264");
      const computed = await relatedFor(t.store, target, 5);
      const top = computed[0].id;
      await excludeRelated(t.store, target, top);
      await pinRelated(t.store, target, id("tech/001"));
      const edited = await relatedFor(t.store, target, 5);
      assert.equal(edited[0].id, id("tech/001"));
      assert.equal(edited[0].pinned, true);
      assert.ok(!edited.some((r) => r.id === top), "the excluded story is gone");
      await clearRelatedOverride(t.store, target, top);
      await clearRelatedOverride(t.store, target, id("tech/001"));
      assert.deepEqual(
        (await relatedFor(t.store, target, 5)).map((r) => r.id),
        computed.map((r) => r.id),
      );
      await assert.rejects(pinRelated(t.store, target, "no-such-article"), StoreError);
      await assert.rejects(pinRelated(t.store, target, target), StoreError);
    });

    test("a pinned related story stays pinned after new imports and after a full rebuild", async () => {
      const target = id("sport/033");
      const pinned = id("tech/001");
      await pinRelated(t.store, target, pinned);
      const isPinnedFirst = async () => {
        const list = await relatedFor(t.store, target, 5);
        return list[0]?.id === pinned && list[0]?.pinned === true;
      };
      assert.ok(await isPinnedFirst(), "pinned");
      await store(t, ["sport/034"], 300);
      assert.ok(await isPinnedFirst(), "after a new import");
      await rebuildRelated(t.store);
      assert.ok(await isPinnedFirst(), "after rebuildRelated");
      await clearRelatedOverride(t.store, target, pinned);
      assert.ok(!(await relatedFor(t.store, target, 5)).some((r) => r.id === pinned), "unpinned: gone again");
    });

    test("exact duplicates from DUPLICATES.txt are found and never related to each other", async () => {
      const pairs = await listDuplicates(t.store, { kind: "exact" });
      const found = new Set(pairs.map((p) => [p.first.path, p.second.path].sort().join("|")));
      for (const [a, b] of DUP_PAIRS) assert.ok(found.has([a, b].sort().join("|")), `${a} and ${b}`);
      for (const [a, b] of DUP_PAIRS) {
        const rel = await relatedFor(t.store, corpusId(a), { limit: 10, minScore: 0 });
        assert.ok(!rel.some((r) => r.id === corpusId(b)), `${b} shown as related to its duplicate ${a}`);
      }
    });

    test("lightly edited copies are near-duplicates, and hidden from related lists", async () => {
      const original = readCorpusArticle("politics/001.txt");
      const blocks = original.blocks ?? [];
      assert.ok(blocks.length >= 5);
      const edits: ArticleInput[] = [
        { ...original, id: "edit-headline", slug: "edit-headline", headline: "Hewitt unveils maternity pay plan" },
        {
          ...original,
          id: "edit-added",
          slug: "edit-added",
          blocks: [
            ...blocks,
            { type: "paragraph", text: "A spokesman for the Federation of Small Businesses said firms needed help." },
          ],
        },
        { ...original, id: "edit-removed", slug: "edit-removed", blocks: blocks.filter((_, i) => i !== 2) },
      ];
      await saveArticles(
        t.store,
        edits.map((article) => ({ article })),
      );
      await afterArticlesStored(t.store, [...edits.map((e) => e.id), original.id]);
      const near = await listDuplicates(t.store);
      const pairs = new Set(near.map((p) => [p.first.id, p.second.id].sort().join("|")));
      for (const e of edits) assert.ok(pairs.has([original.id, e.id].sort().join("|")), `${e.id} not found`);
      const rel = await relatedFor(t.store, original.id, { limit: 10, minScore: 0 });
      for (const e of edits) assert.ok(!rel.some((r) => r.id === e.id), `${e.id} shown as related`);
      // An unrelated article on the same subject area is not a duplicate.
      assert.ok(!pairs.has([original.id, id("politics/001")].sort().join("|")) || original.id === id("politics/001"));
      assert.ok(!near.some((p) => p.first.id === id("tech/001") || p.second.id === id("tech/001")));
    });

    test("articles of one developing story form a thread shown in date order", async () => {
      const thread = await threadFor(t.store, id("sport/033"));
      assert.ok(thread, "the Greek sprinters story has a thread");
      const members = thread.articles.map((a) => a.id);
      assert.ok(members.filter((m) => GREEK.map(id).includes(m)).length >= 5, members.join(", "));
      assert.ok(!members.includes(id("tech/001")));
      const dates = thread.articles.map((a) => a.firstPublished ?? "");
      assert.deepEqual(dates, [...dates].sort());
      assert.deepEqual(await getThread(t.store, thread.id), thread);
      assert.equal(await threadFor(t.store, id("tech/002")), null);
    });

    test("an unpublished article leaves related lists and threads", async () => {
      const target = id("sport/050");
      const stored = dated("sport/050", 4);
      await saveArticle(t.store, { ...stored, status: "unpublished" });
      await afterArticlesStored(t.store, [target]);
      for (const other of GREEK.filter((p) => p !== "sport/050").map(id)) {
        const rel = await relatedFor(t.store, other, 10);
        assert.ok(!rel.some((r) => r.id === target));
      }
      const thread = await threadFor(t.store, id("sport/033"));
      assert.ok(!thread?.articles.some((a) => a.id === target));
    });
  });
}
