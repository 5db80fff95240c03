import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ValidationError } from "../../src/model/article.ts";
import {
  ConflictError,
  getArticle,
  getRevision,
  listArticles,
  listRevisions,
  saveArticle,
} from "../../src/store/articles.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

const base = {
  id: "a1",
  slug: "first-story",
  section: "UK Politics",
  headline: "First story",
  summary: "A summary.",
  firstPublished: "2026-01-02T10:00:00Z",
  blocks: [{ type: "paragraph", text: "Hello." }],
  people: [{ name: "Ada Quill", aliases: ["Ms Quill"] }],
  quotes: [{ text: "We will see", speaker: "Ada Quill", type: "direct" }],
};

for (const engine of ENGINES) {
  describe(`article store on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
    });
    after(async () => {
      await t.cleanup();
    });

    test("saves, reads by id and slug, and keeps every revision", async () => {
      const first = await saveArticle(t.store, base, { author: "test" });
      assert.equal(first.revision, 1);
      assert.equal(first.created, true);
      const same = await saveArticle(t.store, base);
      assert.equal(same.changed, false, "an identical document makes no new revision");
      const second = await saveArticle(t.store, { ...base, headline: "First story, updated" });
      assert.equal(second.revision, 2);
      const bySlug = await getArticle(t.store, "first-story");
      assert.equal(bySlug?.article.headline, "First story, updated");
      assert.equal(bySlug?.revision, 2);
      assert.deepEqual(
        (await listRevisions(t.store, "a1")).map((r) => r.revision),
        [2, 1],
      );
      assert.equal((await getRevision(t.store, "a1", 1))?.headline, "First story");
      const list = await listArticles(t.store, { section: "uk-politics" });
      assert.equal(list.length, 1);
      assert.equal(list[0].sectionSlug, "uk-politics");
    });

    test("rejects an invalid article naming the field, and stores nothing", async () => {
      await assert.rejects(
        saveArticle(t.store, { ...base, id: "bad1", headline: "" }),
        (e: unknown) => e instanceof ValidationError && /headline/.test(e.message),
      );
      assert.equal(await getArticle(t.store, "bad1"), null);
    });

    test("optimistic concurrency: a stale expected revision conflicts", async () => {
      await assert.rejects(saveArticle(t.store, { ...base, summary: "x" }, { expectedRevision: 1 }), ConflictError);
    });

    test("a second article with the same slug gets a distinct slug", async () => {
      const r = await saveArticle(t.store, { ...base, id: "a2" });
      assert.notEqual(r.slug, "first-story");
      assert.equal((await getArticle(t.store, r.slug))?.article.id, "a2");
    });
  });
}
