import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { parseArticle } from "../../src/model/article.ts";
import {
  ConflictError,
  countArticles,
  type SaveOptions,
  saveArticle,
  saveArticles,
  saveValidatedArticles,
} from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import type { Store } from "../../src/store/store.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

// saveArticles takes a batched path for new articles; it must leave exactly what saving the same
// articles one by one leaves: the same slugs, revisions, derived rows and (SQLite) search index.

function story(id: string, slug: string, headline = `Story ${id}`) {
  return {
    id,
    slug,
    section: "News",
    headline,
    summary: `About ${id}.`,
    firstPublished: "2026-01-02T10:00:00Z",
    blocks: [{ type: "paragraph", text: `Body of ${id} mentions Ada Quill in Leeds.` }],
    people: [{ name: "Ada Quill", aliases: ["Ms Quill"] }],
    places: [{ name: "Leeds", aliases: [] }],
    quotes: [{ text: `Quote from ${id}`, speaker: "Ada Quill", type: "direct" }],
  };
}

const stored = [story("s1", "shared"), story("s2", "steady"), story("s3", "old-slug")];

const batch: { article: unknown; options?: SaveOptions }[] = [
  { article: story("n1", "shared") },
  { article: story("n2", "fresh") },
  { article: story("n3", "fresh") },
  { article: story("s1", "shared", "S1 updated"), options: { author: "ed", message: "update" } },
  { article: story("n4", "fresh") },
  { article: story("n2", "fresh", "N2 again") },
  { article: story("s2", "steady") },
  { article: story("n5", "five"), options: { expectedRevision: 0, contentHash: "h5" } },
  { article: story("n6", "fresh-n3") },
  { article: story("s3", "new-slug", "S3 renamed") },
  { article: story("n7", "old-slug") },
  // Enough new articles for several multi-row statements, many asking for the same slug.
  ...Array.from({ length: 700 }, (_, i) => ({ article: story(`b${i}`, i % 3 === 0 ? "bulk" : `bulk-${i}`) })),
];

async function dump(store: Store) {
  const articles = await kyselyOf(store)
    .selectFrom("articles")
    .select(["id", "slug", "section_slug", "headline", "status", "revision", "content_hash", "body_text", "doc"])
    .orderBy("id")
    .execute();
  const revisions = await kyselyOf(store)
    .selectFrom("revisions")
    .select(["article_id", "revision", "doc", "author", "message"])
    .orderBy("article_id")
    .orderBy("revision")
    .execute();
  const entities = await kyselyOf(store)
    .selectFrom("article_entities")
    .selectAll()
    .orderBy("article_id")
    .orderBy("kind")
    .orderBy("tag")
    .execute();
  const quotes = await kyselyOf(store)
    .selectFrom("article_quotes")
    .selectAll()
    .orderBy("article_id")
    .orderBy("ordinal")
    .execute();
  let search: unknown[] = [];
  if (store.engine === "sqlite") {
    search = (
      await sql<{ id: string }>`SELECT a.id FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid
        WHERE article_fts MATCH 'renamed OR again OR b699 OR b1' ORDER BY a.id`.execute(kyselyOf(store))
    ).rows;
  }
  return { articles, revisions, entities, quotes, search };
}

for (const engine of ENGINES) {
  describe(`saveArticles batches on ${engine}`, () => {
    let one: TestStore;
    let many: TestStore;
    before(async () => {
      one = await tempStore(engine);
      many = await tempStore(engine);
      for (const s of [one, many]) for (const a of stored) await saveArticle(s.store, a);
    });
    after(async () => {
      await one.cleanup();
      await many.cleanup();
    });

    test("a mixed batch ends as saving one by one does", async () => {
      const expected = [];
      for (const { article, options } of batch) expected.push(await saveArticle(one.store, article, options));
      const results = await saveArticles(many.store, batch);
      assert.deepEqual(results, expected);
      assert.equal(results[1].slug, "fresh");
      assert.equal(results[2].slug, "fresh-n3");
      assert.equal(results[8].slug, "fresh-n3-n6");
      assert.equal(results[10].slug, "old-slug", "the slug s3 gave up earlier in the batch is free");
      assert.deepEqual(await dump(many.store), await dump(one.store));
    });

    test("a conflict or an invalid article stores none of the batch", async () => {
      const before = await countArticles(many.store);
      await assert.rejects(
        saveValidatedArticles(many.store, [
          { article: parseArticle(story("c1", "c-one")) },
          { article: parseArticle(story("c2", "c-two")), options: { expectedRevision: 2 } },
        ]),
        ConflictError,
      );
      await assert.rejects(saveArticles(many.store, [{ article: story("c3", "c-three") }, { article: { id: "c4" } }]));
      assert.equal(await countArticles(many.store), before);
    });
  });
}
