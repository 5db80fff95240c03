import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { detectImporter } from "../../src/ingest/formats.ts";
import { importInputs, prepareFile } from "../../src/ingest/pipeline.ts";
import { countArticles, getArticle } from "../../src/store/articles.ts";
import { runCli } from "../support/cli.ts";
import { type TestStore, tempSqlitePath, tempStore } from "../support/stores.ts";
import { startTestSite, type TestSite } from "../web/support.ts";

const dir = tempSqlitePath();
after(() => dir.cleanup());

function feedFile(name: string, value: unknown): string {
  const path = join(dir.dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return path;
}

const FEED = {
  version: "https://jsonfeed.org/version/1.1",
  title: "Example News",
  home_page_url: "https://news.example.com/",
  language: "en-GB",
  authors: [{ name: "Desk Editor" }],
  items: [
    {
      id: "urn:example:story:101",
      url: "https://news.example.com/local/harbour-plan",
      title: "Harbour plan approved",
      summary: "Councillors back the waterfront redevelopment.",
      content_html:
        '<p>The council voted to approve the <a href="../topics/harbour">harbour plan</a>.</p><h2>What next</h2><p>Work starts next year.</p><script>alert(1)</script>',
      image: "/img/quay.jpg",
      date_published: "2024-03-05T10:48:00Z",
      date_modified: "2024-03-06T08:00:00+01:00",
      authors: [{ name: "Jane Reporter" }, { name: "Sam Writer" }],
      tags: ["Local", "Harbour"],
      attachments: [
        {
          url: "https://news.example.com/audio/vote.mp3",
          mime_type: "audio/mpeg",
          title: "The vote",
          duration_in_seconds: 93,
        },
        { url: "https://news.example.com/doc.pdf", mime_type: "application/pdf" },
      ],
    },
    {
      id: 202,
      content_text: "Ferry race returns on Sunday\n\nBoats leave at ten.\nCrowds expected.",
      language: "fr",
    },
    { id: "urn:example:story:101", title: "Listed twice", content_text: "Same id." },
  ],
};

describe("JSON Feed 1.1 import", () => {
  test("detected by its content, not its name; RSS and ninjs stay theirs", () => {
    const source = (text: string) => ({ name: "x.txt", bytes: Buffer.from(text) });
    assert.equal(detectImporter(source(JSON.stringify(FEED)))?.format, "json-feed");
    assert.equal(detectImporter(source('{"uri":"urn:x","headlines":[{"value":"H"}]}'))?.format, "ninjs");
    assert.equal(detectImporter(source('{"version":"2.0","title":"not a feed"}'))?.format, undefined);
  });

  test("items become articles: content, summary, dates, authors, tags, image and attachments", async () => {
    const prepared = await prepareFile({ name: feedFile("feed.txt", FEED) });
    assert.equal(prepared.format, "json-feed");
    assert.equal(prepared.articles.length, 2, "an id listed twice is one article");
    const [harbour, ferry] = prepared.articles;
    assert.equal(harbour.headline, "Harbour plan approved");
    assert.equal(harbour.summary, "Councillors back the waterfront redevelopment.");
    assert.equal(harbour.section, "Local");
    assert.deepEqual(harbour.tags, ["Local", "Harbour"]);
    assert.equal(harbour.firstPublished, "2024-03-05T10:48:00.000Z");
    assert.equal(harbour.updated, "2024-03-06T07:00:00.000Z");
    assert.deepEqual(
      harbour.byline.map((b) => b.name),
      ["Jane Reporter", "Sam Writer"],
    );
    assert.equal(harbour.language, "en-GB");
    assert.equal(harbour.sourceUrl, "https://news.example.com/local/harbour-plan");
    assert.deepEqual(
      harbour.blocks.map((b) => b.type),
      ["image", "paragraph", "crosshead", "paragraph", "media"],
    );
    const [image, first, , , audio] = harbour.blocks;
    assert.equal(image.type === "image" && image.src, "https://news.example.com/img/quay.jpg");
    assert.match(
      first.type === "paragraph" ? (first.html ?? "") : "",
      /href="https:\/\/news\.example\.com\/topics\/harbour"/,
    );
    assert.deepEqual(audio.type === "media" && [audio.kind, audio.caption, audio.sources, audio.durationSeconds], [
      "audio",
      "The vote",
      [{ src: "https://news.example.com/audio/vote.mp3", mimeType: "audio/mpeg" }],
      93,
    ]);
    assert.ok(!JSON.stringify(harbour).includes("alert(1)"));
    // Without a title the text opens the headline; the feed's author stands in; numbers are read as ids.
    assert.equal(ferry.headline, "Ferry race returns on Sunday Boats leave at ten. Crowds expected.");
    assert.equal(ferry.language, "fr");
    assert.deepEqual(
      ferry.byline.map((b) => b.name),
      ["Desk Editor"],
    );
    assert.equal(ferry.section, "News");
    assert.equal(ferry.blocks.length, 2);
  });

  test("the item id is the article id: the same item in another copy of the feed maps to the same article", async () => {
    const again = await prepareFile({ name: feedFile("feed-copy.json", { ...FEED, title: "Renamed" }) });
    const first = await prepareFile({ name: feedFile("feed.json", FEED) });
    assert.deepEqual(
      again.articles.map((a) => a.id),
      first.articles.map((a) => a.id),
    );
    assert.notEqual(first.articles[0].id, first.articles[1].id);
  });
});

describe("JSON Feed: bad input is one line naming the file and the field", () => {
  const cases: [string, unknown, string][] = [
    ["not-json.json", '{"version": "https://jsonfeed.org/version/1.1", "items": [', "JSON Feed is not valid JSON: "],
    ["no-items.json", { version: "https://jsonfeed.org/version/1.1", title: "T" }, "JSON Feed field items is missing"],
    [
      "no-id.json",
      { ...FEED, items: [FEED.items[0], { title: "No id", content_text: "x" }] },
      "JSON Feed field items[1].id is missing",
    ],
    [
      "no-content.json",
      { ...FEED, items: [{ id: "a", title: "Title only" }] },
      "JSON Feed field items[0] needs content_html or content_text",
    ],
    [
      "bad-attachment.json",
      { ...FEED, items: [{ id: "a", content_text: "x", attachments: [{ url: "https://x/a.mp3" }] }] },
      "JSON Feed field items[0].attachments[0].mime_type is missing",
    ],
    [
      "bad-tags.json",
      { ...FEED, items: [{ id: "a", content_text: "x", tags: "Local" }] },
      "JSON Feed field items[0].tags must be an array of strings",
    ],
  ];
  for (const [name, value, message] of cases) {
    test(name, async () => {
      await assert.rejects(prepareFile({ name: feedFile(name, value) }), (e: Error) => {
        assert.ok(e.message.startsWith(message), e.message);
        assert.ok(!e.message.includes("\n"));
        return true;
      });
    });
  }

  test("through the CLI: exit 1, `FILE: reason`, nothing stored, the good file still imported", () => {
    const db = join(dir.dir, "cli.db");
    const bad = feedFile("cli-bad.json", { ...FEED, items: [{ title: "No id", content_text: "x" }] });
    const good = feedFile("cli-good.json", FEED);
    const r = runCli(["import", "--db", db, bad, good]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr
        .trim()
        .split("\n")
        .filter((l) => l.includes("cli-bad.json")).length,
      1,
    );
    assert.match(r.stderr, /cli-bad\.json: JSON Feed field items\[0\]\.id is missing/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.match(r.stdout, /imported 2, duplicates 0, failed 1/);
  });
});

describe("JSON Feed round trip: the site's own /feeds/feed.json imports", () => {
  let site: TestSite;
  let target: TestStore;
  before(async () => {
    site = await startTestSite("sqlite");
    target = await tempStore("sqlite");
  });
  after(async () => {
    await site.close();
    await target.cleanup();
  });

  test("every item is an article with its headline, section, date, authors and link", async () => {
    const res = await site.get("/feeds/feed.json");
    const text = await res.text();
    const feed = JSON.parse(text) as {
      items: { url: string; title: string; tags: string[]; date_published: string; authors?: { name: string }[] }[];
    };
    const path = feedFile("site-feed.json", text);
    const result = await importInputs(target.store, [path]);
    assert.deepEqual(result.failed, []);
    assert.equal(result.imported, feed.items.length);
    assert.equal(await countArticles(target.store), feed.items.length);
    for (const [i, item] of feed.items.entries()) {
      const article = (await getArticle(target.store, result.ids[i]))?.article;
      assert.ok(article);
      assert.equal(article.headline, item.title);
      assert.equal(article.section, item.tags[0]);
      assert.equal(article.sourceUrl, item.url);
      assert.equal(article.firstPublished, new Date(item.date_published).toISOString());
      assert.deepEqual(
        article.byline.map((b) => b.name),
        (item.authors ?? []).map((a) => a.name),
      );
      assert.equal(article.origin?.format, "json-feed");
    }
    const again = await importInputs(target.store, [feedFile("site-feed-2.json", `${text}\n`)]);
    assert.deepEqual(again.ids, result.ids, "importing the feed again maps to the same articles");
  });
});
