import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { fromNinjs } from "../../src/ingest/ninjs/from-ninjs.ts";
import { toNinjs } from "../../src/ingest/ninjs/to-ninjs.ts";
import { importInputs, prepareFile } from "../../src/ingest/pipeline.ts";
import { type Article, type ArticleInput, parseArticle } from "../../src/model/article.ts";
import { allArticles, getArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { ENGINES, type TestStore, tempSqlitePath, tempStore } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const context = { path: "test.json", contentHash: "0".repeat(64) };

/** An article using every block type and every field ninjs carries. */
const rich: ArticleInput = {
  id: "rich-1",
  slug: "harbour-bridge-reopens",
  section: "Local News",
  headline: "Harbour bridge reopens after repairs",
  summary: "The bridge closed in March after cracks were found.",
  byline: [{ name: "Ada Quill", role: "Transport correspondent" }, { name: "Bo Lee" }],
  language: "en-GB",
  firstPublished: "2026-03-01T08:00:00Z",
  updated: "2026-03-02T09:30:00+01:00",
  sourceUrl: "https://news.example.org/harbour-bridge",
  status: "published",
  tags: ["transport", "harbour"],
  corrections: [{ text: "An earlier version gave the wrong reopening date.", at: "2026-03-03T10:00:00Z" }],
  blocks: [
    {
      type: "paragraph",
      text: "The bridge reopened on Monday.",
      html: 'The bridge <a href="https://example.org/b">reopened</a> on <em>Monday</em>.',
    },
    { type: "crosshead", text: "Cracks & costs", level: 2 },
    { type: "crosshead", text: "Who pays", level: 3 },
    { type: "quote", text: "It is safe now.", speaker: "Mayor Ann Hill", pull: true },
    { type: "quote", text: "We waited months.", pull: false },
    {
      type: "image",
      src: "https://cdn.example.org/bridge.jpg",
      alt: "The bridge at dawn",
      caption: "Traffic returned at 6am",
      credit: "Photo: J. Smith",
      width: 1200,
      height: 800,
      sizes: [{ src: "https://cdn.example.org/bridge-640.jpg", width: 640 }],
    },
    {
      type: "media",
      kind: "video",
      caption: "The first cars cross",
      poster: "https://cdn.example.org/poster.jpg",
      sources: [{ src: "https://cdn.example.org/cars.mp4", mimeType: "video/mp4" }],
      durationSeconds: 42,
      fallbackText: "Media playback is unsupported on your device",
    },
    { type: "list", ordered: true, items: ["Closed in March", "Reopened in May <early>"] },
    { type: "embed", url: "https://maps.example.org/bridge", provider: "Maps", title: "Map of the bridge" },
    {
      type: "related-stories",
      title: "More on this story",
      items: [{ title: "Bridge closes", url: "https://news.example.org/closes", articleId: "old-1" }],
    },
    {
      type: "external-links",
      title: "Related Internet links",
      items: [{ title: "Harbour authority", url: "https://harbour.example.org/" }],
      disclaimer: "Newsdesk is not responsible for the content of external sites.",
    },
  ],
  origin: { format: "test" },
};

/** What an exported-then-imported article must keep: everything but origin and enrichment. */
function content(a: Article) {
  // ninjs has no field saying a date was the import time (dateSource); JSON Lines backups keep it.
  const { origin, people, organisations, places, quotes, figures, dateSource, ...rest } = a;
  return rest;
}

describe("ninjs export and import", () => {
  test("an article with every block type survives toNinjs → fromNinjs unchanged", () => {
    const article = parseArticle(rich);
    const exported = JSON.parse(JSON.stringify(toNinjs(article)));
    assert.equal(exported.uri, "urn:newsdesk:article:rich-1");
    assert.equal(exported.headlines[0].value, article.headline);
    assert.equal(exported.bodies[0].contenttype, "text/html");
    assert.equal(exported.by, "Ada Quill, Transport correspondent; Bo Lee");
    assert.deepEqual(
      exported.associations.map((a: { name: string; type: string }) => [a.name, a.type]),
      [
        ["image-1", "picture"],
        ["media-1", "video"],
      ],
    );
    const back = parseArticle(fromNinjs(exported, context));
    assert.deepEqual(content(back), content(article));
  });

  test("the reference article survives export and import through the pipeline", async () => {
    const tmp = tempSqlitePath();
    try {
      const [original] = (await prepareFile({ name: join(root, "../shared/seed/reference-article.txt") })).articles;
      const path = join(tmp.dir, "reference.ninjs.json");
      writeFileSync(path, JSON.stringify(toNinjs(original), null, 2));
      const prepared = await prepareFile({ name: path });
      assert.equal(prepared.format, "ninjs");
      const [back] = prepared.articles;
      assert.deepEqual(content(back), content(original));
      // Enrichment runs again on import and finds the same people and quotes in the same text.
      assert.deepEqual(back.people, original.people);
      assert.deepEqual(back.quotes, original.quotes);
    } finally {
      tmp.cleanup();
    }
  });

  test("another provider's ninjs 2.x item: headlines, descriptions, bodies, associations, subjects", () => {
    const item = {
      uri: "https://wire.example.net/items/4711",
      type: "text",
      language: "sv",
      versioncreated: "2025-05-26T13:40:18+02:00",
      firstcreated: "2025-05-26T12:00:00+02:00",
      pubstatus: "usable",
      headlines: [
        { role: "main", value: "Stor övning planeras" },
        { role: "sub", value: "Tusentals deltar" },
      ],
      descriptions: [{ role: "text", value: "Övningen hålls nästa vår." }],
      bodies: [
        { role: "text", contenttype: "text/plain", value: "ignored when HTML is present" },
        {
          role: "html5",
          contenttype: "text/html",
          value:
            '<article><h1>Stor övning planeras</h1><p>Första stycket med <a href="/relativ">länk</a>.</p><blockquote>Det blir stort, säger hon.</blockquote><figure><img src="https://img.example.net/a.jpg" alt="Soldater" data-assoc-ref="a001"><div class="byline">Foto/Wire</div><figcaption>Soldater övar.</figcaption></figure><script>alert(1)</script></article>',
        },
      ],
      by: "By Karin Berg and Olle Ek",
      people: [{ name: "Karin Berg", rel: "author" }, { name: "Jonas Svensson" }],
      places: [{ name: "Gotland" }],
      subjects: [{ name: "Försvar", rel: "section" }, { name: "Krig och konflikter" }],
      associations: [
        {
          name: "a001",
          uri: "https://img.example.net/a",
          type: "picture",
          renditions: [{ name: "r1", href: "https://img.example.net/a.jpg" }],
        },
        {
          name: "a002",
          uri: "https://img.example.net/b",
          type: "picture",
          by: "Wire",
          descriptions: [{ value: "Karta över området" }],
          renditions: [{ name: "hires", href: "https://img.example.net/b.jpg", width: 2000, height: 1000 }],
        },
      ],
    };
    const a = parseArticle(fromNinjs(item, { ...context, baseUrl: "https://wire.example.net/" }));
    assert.equal(a.headline, "Stor övning planeras");
    assert.equal(a.summary, "Övningen hålls nästa vår.");
    assert.equal(a.section, "Försvar");
    assert.deepEqual(a.tags, ["Krig och konflikter"]);
    assert.deepEqual(a.byline, [{ name: "Karin Berg" }, { name: "Olle Ek" }]);
    assert.equal(a.language, "sv");
    assert.equal(a.firstPublished, "2025-05-26T12:00:00+02:00");
    assert.equal(a.updated, "2025-05-26T13:40:18+02:00");
    assert.equal(a.sourceUrl, "https://wire.example.net/items/4711");
    assert.deepEqual(
      a.people.map((p) => p.name),
      ["Jonas Svensson"],
    );
    assert.deepEqual(
      a.blocks.map((b) => b.type),
      ["paragraph", "quote", "image", "image"],
    );
    const [p, , img, extra] = a.blocks;
    assert.equal(
      p.type === "paragraph" && p.html,
      'Första stycket med <a href="https://wire.example.net/relativ">länk</a>.',
    );
    assert.deepEqual(img, {
      type: "image",
      src: "https://img.example.net/a.jpg",
      alt: "Soldater",
      caption: "Soldater övar.",
      credit: "Foto/Wire",
      sizes: [],
    });
    assert.equal(extra.type === "image" && extra.caption, "Karta över området");
    assert.equal(extra.type === "image" && extra.width, 2000);
  });

  test("a ninjs 1.x item: headline, description_text, body_html, renditions as an object", () => {
    const a = parseArticle(
      fromNinjs(
        {
          uri: "urn:wire:1",
          headline: "Old style item",
          description_text: "A summary.",
          body_html: "<p>One.</p><p>Two.</p>",
          renditions: { web: { href: "https://wire.example.net/1", mimetype: "text/html" } },
        },
        { ...context, defaultSection: "World" },
      ),
    );
    assert.equal(a.headline, "Old style item");
    const noDescription = parseArticle(
      fromNinjs(
        { uri: "u", headline: "H", by: "Von Christian Holl, dpa", body_html: "<p>Intro.</p><p>Two.</p>" },
        context,
      ),
    );
    assert.equal(noDescription.summary, "Intro.");
    assert.deepEqual(noDescription.byline, [{ name: "Christian Holl", role: "dpa" }]);
    const emptySummary = parseArticle({ ...rich, summary: "" });
    assert.equal(parseArticle(fromNinjs(JSON.parse(JSON.stringify(toNinjs(emptySummary))), context)).summary, "");
    assert.equal(a.summary, "A summary.");
    assert.equal(a.section, "World");
    assert.equal(a.sourceUrl, "https://wire.example.net/1");
    assert.equal(a.blocks.length, 2);
  });

  test("invalid ninjs names the field", () => {
    assert.throws(() => fromNinjs({ headlines: [{ value: "x" }] }, context), /field uri: is required/);
    assert.throws(() => fromNinjs({ uri: "u", headlines: [] }, context), /field headlines: missing/);
    assert.throws(
      () => fromNinjs({ uri: "u", headline: "x", type: "picture" }, context),
      /field type: a "picture" item/,
    );
    assert.throws(() => fromNinjs({ uri: "u", headline: "x", pubstatus: "gone" }, context), /field pubstatus:/);
  });
});

describe("a file with several items is all or nothing", () => {
  let t: TestStore;
  const tmp = tempSqlitePath();
  before(async () => {
    t = await tempStore("sqlite");
  });
  after(async () => {
    await t.cleanup();
    tmp.cleanup();
  });

  test("one bad item fails its whole file; the good file next to it is stored", async () => {
    const good = {
      uri: "urn:t:good",
      headlines: [{ value: "Good item" }],
      bodies: [{ contenttype: "text/html", value: "<p>Fine.</p>" }],
    };
    const mixed = join(tmp.dir, "mixed.jsonl");
    writeFileSync(
      mixed,
      `${JSON.stringify({ ...good, uri: "urn:t:a" })}\n${JSON.stringify({ uri: "urn:t:b", language: "not a tag!", headline: "B" })}\n`,
    );
    const fine = join(tmp.dir, "fine.json");
    writeFileSync(fine, JSON.stringify(good));
    const notNinjs = join(tmp.dir, "other.json");
    writeFileSync(notNinjs, JSON.stringify({ name: "newsdesk", version: "1.0.0" }));
    const video = join(tmp.dir, "video.txt");
    writeFileSync(video, "[Video] Floods hit the valley\n\nRivers burst their banks.\n\nHomes were evacuated.\n");
    const r = await importInputs(t.store, [mixed, fine, notNinjs, video]);
    assert.equal(r.imported, 2);
    assert.deepEqual(
      r.failed.map((f) => [f.file, f.reason.replace(/:.*$/, "")]),
      [
        [mixed, "article 2"],
        [notNinjs, "not a format Newsdesk can import (text, HTML, feeds, ninjs or JSON Lines)"],
      ],
    );
    assert.match(r.failed[0].reason, /language/);
    const stored = await kyselyOf(t.store).selectFrom("articles").select(["headline"]).orderBy("headline").execute();
    assert.deepEqual(
      stored.map((x) => x.headline),
      ["Good item", "[Video] Floods hit the valley"],
    );
  });
});

for (const engine of ENGINES) {
  describe(`ninjs store round trip on ${engine}`, () => {
    let first: TestStore;
    let second: TestStore;
    const tmp = tempSqlitePath();
    before(async () => {
      first = await tempStore(engine);
      second = await tempStore(engine);
    });
    after(async () => {
      await first.cleanup();
      await second.cleanup();
      tmp.cleanup();
    });

    test("import → export ninjs → import into a fresh store: same stored articles", async () => {
      const richFile = join(tmp.dir, "rich.json");
      writeFileSync(richFile, JSON.stringify(toNinjs(parseArticle(rich))));
      const imported = await importInputs(first.store, [join(root, "../shared/seed/reference-article.txt"), richFile]);
      assert.deepEqual(imported.failed, []);
      assert.equal(imported.imported, 2);
      assert.deepEqual(content((await getArticle(first.store, "rich-1"))!.article), content(parseArticle(rich)));

      const lines: string[] = [];
      const originals: Article[] = [];
      for await (const { article } of allArticles(first.store)) {
        originals.push(article);
        lines.push(JSON.stringify(toNinjs(article)));
      }
      const exportFile = join(tmp.dir, "export.ninjs.jsonl");
      writeFileSync(exportFile, `${lines.join("\n")}\n`);
      const again = await importInputs(second.store, [exportFile]);
      assert.deepEqual(again.failed, []);
      assert.equal(again.imported, 2);
      for (const original of originals) {
        const copy = (await getArticle(second.store, original.id))!.article;
        assert.deepEqual(
          { ...copy, origin: undefined, dateSource: undefined },
          { ...original, origin: undefined, dateSource: undefined },
          original.id,
        );
      }
    });
  });
}
