import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { detectImporter } from "../../src/ingest/formats.ts";
import type { Source } from "../../src/ingest/importer.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";
import { countArticles, getArticle, saveArticles } from "../../src/store/articles.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

const rss = (secondTitle: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example.com/</link><language>en-gb</language>
<item>
  <title>Harbour plan approved</title>
  <link>https://news.example.com/local/harbour-plan</link>
  <guid isPermaLink="false">urn:example:story:101</guid>
  <pubDate>Tue, 05 Mar 2024 10:48:00 GMT</pubDate>
  <dc:creator>Jane Reporter</dc:creator>
  <category>Local</category>
  <description>Councillors back the waterfront redevelopment.</description>
  <content:encoded><![CDATA[<p>The council voted to approve the <a href="../topics/harbour">harbour plan</a>.</p>
    <h2>What next</h2><p>Work starts next year.<img src="/img/quay.jpg" alt="Quay" onerror="alert(1)"></p><script>alert(1)</script>]]></content:encoded>
</item>
<item>
  <title>${secondTitle}</title>
  <link>https://news.example.com/sport/ferry-race</link>
  <description>&lt;p&gt;The annual ferry race returns on Sunday.&lt;/p&gt;</description>
  <enclosure url="https://news.example.com/audio/race.mp3" type="audio/mpeg" length="1000"/>
</item>
<item>
  <title>Harbour plan approved (listed twice)</title>
  <guid isPermaLink="false">urn:example:story:101</guid>
</item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Exemple</title><link href="https://exemple.fr/"/><id>urn:exemple</id><updated>2024-03-05T12:00:00Z</updated>
  <entry>
    <title type="html">Le conseil &amp;amp; le port</title>
    <link rel="alternate" href="https://exemple.fr/port"/>
    <id>tag:exemple.fr,2024:port</id>
    <published>2024-03-05T09:00:00+01:00</published><updated>2024-03-05T11:00:00+01:00</updated>
    <author><name>Marie Journaliste</name></author>
    <summary>Le conseil approuve le plan du port.</summary>
  </entry>
  <entry>
    <title>Le parc</title><link href="/parc"/><id>tag:exemple.fr,2024:parc</id>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Un nouveau parc ouvrira <b>au printemps</b>.</p></div></content>
  </entry>
</feed>`;

async function importFeed(source: Source): Promise<Article[]> {
  const importer = detectImporter(source);
  assert.equal(importer?.format, "feed");
  return (await importer.parse(source)).map((i) => parseArticle(i));
}

let ts: TestStore;
before(async () => {
  ts = await tempStore("sqlite");
});
after(async () => {
  await ts.cleanup();
});

test("RSS items become articles, from full content when the feed carries it", async () => {
  const [first, second, ...rest] = await importFeed({
    name: "feed.xml",
    bytes: Buffer.from(rss("Ferry race returns")),
  });
  assert.equal(rest.length, 0, "the item listed twice is imported once");
  assert.equal(first.headline, "Harbour plan approved");
  assert.equal(first.summary, "Councillors back the waterfront redevelopment.");
  assert.deepEqual(
    first.byline.map((p) => p.name),
    ["Jane Reporter"],
  );
  assert.equal(first.firstPublished, "2024-03-05T10:48:00.000Z");
  assert.equal(first.language, "en-GB");
  assert.equal(first.section, "Local");
  assert.equal(first.sourceUrl, "https://news.example.com/local/harbour-plan");
  assert.deepEqual(
    first.blocks.map((b) => b.type),
    ["paragraph", "crosshead", "paragraph", "image"],
  );
  assert.match(JSON.stringify(first.blocks), /href=\\"https:\/\/news\.example\.com\/topics\/harbour\\"/);
  assert.doesNotMatch(JSON.stringify(first), /script|onerror|alert/);

  // No full content: title, summary and link.
  assert.equal(second.headline, "Ferry race returns");
  assert.equal(second.sourceUrl, "https://news.example.com/sport/ferry-race");
  assert.deepEqual(second.blocks[0], { type: "paragraph", text: "The annual ferry race returns on Sunday." });
  assert.deepEqual(second.blocks[1], {
    type: "media",
    kind: "audio",
    caption: "",
    sources: [{ src: "https://news.example.com/audio/race.mp3", mimeType: "audio/mpeg" }],
    fallbackText: "Media playback is unsupported on your device",
  });
});

test("re-importing a feed updates its articles instead of duplicating them", async () => {
  const save = async (title: string) =>
    saveArticles(
      ts.store,
      (await importFeed({ name: "feed.xml", bytes: Buffer.from(rss(title)) })).map((article) => ({ article })),
    );
  const firstRun = await save("Ferry race returns");
  assert.deepEqual(
    firstRun.map((r) => r.created),
    [true, true],
  );
  const again = await save("Ferry race returns");
  assert.deepEqual(
    again.map((r) => [r.created, r.changed]),
    [
      [false, false],
      [false, false],
    ],
  );
  const edited = await save("Ferry race returns on Sunday");
  assert.deepEqual(
    edited.map((r) => [r.created, r.changed, r.revision]),
    [
      [false, false, 1],
      [false, true, 2],
    ],
  );
  assert.equal(await countArticles(ts.store), 2);
  assert.equal((await getArticle(ts.store, edited[1].id))?.article.headline, "Ferry race returns on Sunday");
});

test("Atom entries: HTML titles, summaries, XHTML content, relative links, language", async () => {
  const [port, parc] = await importFeed({ name: "atom.xml", bytes: Buffer.from(ATOM) });
  assert.equal(port.headline, "Le conseil & le port");
  assert.equal(port.language, "fr");
  assert.equal(port.firstPublished, "2024-03-05T08:00:00.000Z");
  assert.equal(port.updated, "2024-03-05T10:00:00.000Z");
  assert.deepEqual(
    port.byline.map((p) => p.name),
    ["Marie Journaliste"],
  );
  assert.equal(port.sourceUrl, "https://exemple.fr/port");
  assert.deepEqual(port.blocks, [{ type: "paragraph", text: "Le conseil approuve le plan du port." }]);
  assert.equal(parc.sourceUrl, "https://exemple.fr/parc");
  assert.equal(parc.blocks[0].type, "paragraph");
  assert.match(JSON.stringify(parc.blocks[0]), /Un nouveau parc ouvrira au printemps/);
});
