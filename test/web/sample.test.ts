import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { BlockType } from "../../src/blocks/block.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { buildSampleArticles, sampleArticles, seedSampleNewsroom } from "../../src/sample/seed.ts";
import { countArticles, getArticle, saveArticle } from "../../src/store/articles.ts";
import { tempStore } from "../support/stores.ts";

const BLOCK_TYPES: BlockType[] = [
  "paragraph",
  "crosshead",
  "quote",
  "media",
  "image",
  "list",
  "embed",
  "related-stories",
  "external-links",
];

describe("the sample newsroom", () => {
  const articles = buildSampleArticles(new Date("2026-06-01T12:00:00Z"));

  test("has at least 30 articles over at least 5 sections, using every block type", () => {
    assert.ok(articles.length >= 30, `${articles.length} articles`);
    const sections = new Set(articles.map((a) => a.section));
    assert.ok(sections.size >= 5, `${sections.size} sections`);
    const used = new Set(articles.flatMap((a) => a.blocks.map((b) => b.type)));
    assert.deepEqual(
      BLOCK_TYPES.filter((t) => !used.has(t)),
      [],
    );
    assert.ok(
      articles.some((a) => a.blocks.some((b) => b.type === "quote" && b.pull)),
      "a pull quote",
    );
    assert.ok(
      articles.some((a) => a.blocks.some((b) => b.type === "media" && b.caption)),
      "media with captions",
    );
  });

  test("every story has named people quoted, a byline, and unique ids and slugs", () => {
    assert.equal(new Set(articles.map((a) => a.id)).size, articles.length);
    assert.equal(new Set(articles.map((a) => a.slug)).size, articles.length);
    for (const a of articles) {
      assert.ok(a.byline.length > 0, `${a.id} has a byline`);
      assert.ok(a.people.length > 0, `${a.id} names people`);
      assert.ok(
        a.quotes.some((q) => q.speaker && a.people.some((p) => p.name === q.speaker)),
        `${a.id} quotes a named person`,
      );
    }
  });

  test("related stories point at other sample articles by id and by their real URL", () => {
    const bySlug = new Map(articles.map((a) => [a.id, `/news/${sectionSlug(a.section)}/${a.slug}`]));
    for (const a of articles) {
      for (const b of a.blocks) {
        if (b.type !== "related-stories") continue;
        for (const item of b.items) {
          assert.ok(item.articleId && item.articleId !== a.id, `${a.id} links another story`);
          assert.equal(item.url, bySlug.get(item.articleId ?? ""));
        }
      }
    }
  });

  test("images and audio are the site's own files; external links use reserved .example domains", () => {
    for (const a of articles) {
      for (const b of a.blocks) {
        if (b.type === "image") assert.match(b.src ?? "", /^\/static\/images\/[\w-]+\.svg$/);
        if (b.type === "media") for (const s of b.sources) assert.match(s.src, /^\/static\//);
        if (b.type === "external-links" || b.type === "embed") {
          const urls = b.type === "embed" ? [b.url] : b.items.map((i) => i.url);
          for (const u of urls) assert.match(new URL(u).hostname, /\.example$/, u);
        }
      }
    }
  });

  test("dates are moved so the newest story is ten minutes old, keeping their order", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const newest = articles
      .map((a) => a.firstPublished ?? "")
      .sort()
      .at(-1);
    assert.equal(newest, new Date(now.getTime() - 10 * 60_000).toISOString());
    const written = [...sampleArticles].sort((x, y) => x.published.localeCompare(y.published)).map((a) => a.id);
    const shifted = [...articles]
      .sort((x, y) => (x.firstPublished ?? "").localeCompare(y.firstPublished ?? ""))
      .map((a) => a.id);
    assert.deepEqual(shifted, written);
  });

  test("seeding fills only an empty store", async () => {
    const t = await tempStore("sqlite");
    try {
      assert.equal(await seedSampleNewsroom(t.store), articles.length);
      assert.equal(await countArticles(t.store), articles.length);
      assert.equal(await seedSampleNewsroom(t.store), 0, "a second run adds nothing");
      const t2 = await tempStore("sqlite");
      try {
        await saveArticle(t2.store, {
          id: "own-1",
          slug: "our-own-story",
          section: "News",
          headline: "Our own story",
          blocks: [{ type: "paragraph", text: "Ours." }],
        });
        assert.equal(await seedSampleNewsroom(t2.store), 0, "a store with articles is left alone");
        assert.equal(await getArticle(t2.store, "pol-bus-fares"), null);
      } finally {
        await t2.cleanup();
      }
    } finally {
      await t.cleanup();
    }
  });
});
