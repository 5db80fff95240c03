import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { startTestSite, type TestSite } from "./support.ts";

// Parsed feeds are checked field by field; their shape is what the assertions establish.
// biome-ignore lint/suspicious/noExplicitAny: parsed XML and JSON of unknown shape
type Feedish = Record<string, any>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  isArray: (name) => ["item", "entry", "url", "link"].includes(name),
});

async function xml(site: TestSite, path: string, type: RegExp): Promise<Feedish> {
  const res = await site.get(path);
  assert.equal(res.status, 200, path);
  assert.match(res.headers.get("content-type") ?? "", type, path);
  const text = await res.text();
  const valid = XMLValidator.validate(text);
  assert.equal(valid, true, `${path} is well-formed XML: ${JSON.stringify(valid)}`);
  return parser.parse(text);
}

describe("feeds and sitemaps", () => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite("sqlite");
  });
  after(async () => {
    await site.close();
  });

  for (const section of [undefined, "politics"]) {
    const prefix = section ? `/feeds/${section}` : "/feeds";
    const expected = section ? 5 : 30;

    test(`RSS 2.0 ${prefix}/rss.xml: channel and items with the required elements`, async () => {
      const doc = await xml(site, `${prefix}/rss.xml`, /^application\/rss\+xml; charset=utf-8/);
      assert.equal(doc.rss["@_version"], "2.0");
      const channel = doc.rss.channel;
      assert.ok(channel.title && channel.description);
      assert.match(channel.link[0], /^http:\/\/127\.0\.0\.1:\d+\//);
      assert.equal(channel["atom:link"]["@_rel"], "self");
      assert.equal(channel.item.length, expected);
      for (const item of channel.item) {
        assert.ok(item.title && item.description);
        assert.match(item.link[0], section ? /\/news\/politics\/[a-z0-9-]+$/ : /\/news\/[a-z0-9-]+\/[a-z0-9-]+$/);
        assert.equal(item.guid["#text"], item.link[0]);
        assert.ok(!Number.isNaN(Date.parse(item.pubDate)), `RFC 822 date: ${item.pubDate}`);
        assert.match(item.pubDate, /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      }
    });

    test(`Atom ${prefix}/atom.xml: feed id, updated, author and entries`, async () => {
      const doc = await xml(site, `${prefix}/atom.xml`, /^application\/atom\+xml; charset=utf-8/);
      const feed = doc.feed;
      assert.equal(feed["@_xmlns"], "http://www.w3.org/2005/Atom");
      assert.ok(feed.id && feed.title && feed.updated && feed.author.name);
      assert.ok(feed.link.some((l: Record<string, string>) => l["@_rel"] === "self"));
      assert.equal(feed.entry.length, expected);
      for (const entry of feed.entry) {
        assert.ok(entry.id && entry.title && entry.updated && entry.published);
        assert.match(entry.link[0]["@_href"], /\/news\//);
        assert.ok(!Number.isNaN(Date.parse(entry.updated)));
      }
    });

    test(`JSON Feed ${prefix}/feed.json: version 1.1 fields`, async () => {
      const res = await site.get(`${prefix}/feed.json`);
      assert.match(res.headers.get("content-type") ?? "", /^application\/feed\+json; charset=utf-8/);
      const feed = (await res.json()) as Feedish;
      assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
      assert.ok(feed.title);
      assert.equal(feed.feed_url, `${site.url}${prefix}/feed.json`);
      assert.match(feed.home_page_url, /^http:/);
      assert.equal(feed.items.length, expected);
      for (const item of feed.items) {
        assert.ok(item.id && item.url && item.title);
        assert.ok(item.content_text || item.content_html, "each item has content");
        assert.ok(!Number.isNaN(Date.parse(item.date_published)));
        assert.ok(item.authors[0].name);
      }
    });
  }

  test("an unknown section's feed is a 404", async () => {
    assert.equal((await site.get("/feeds/no-such-section/rss.xml")).status, 404);
  });

  test("sitemap.xml lists the home page, every section and every published article", async () => {
    const doc = await xml(site, "/sitemap.xml", /^application\/xml/);
    assert.equal(doc.urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.urlset.url.map((u: { loc: string }) => u.loc);
    assert.ok(locs.includes(`${site.url}/`));
    assert.ok(locs.includes(`${site.url}/news/politics`));
    assert.equal(locs.filter((l: string) => /\/news\/[^/]+\/[^/]+$/.test(l)).length, 30);
    for (const u of doc.urlset.url) assert.ok(!Number.isNaN(Date.parse(u.lastmod)), `lastmod of ${u.loc}`);
  });

  test("the Google News sitemap lists recent articles with publication, date and title", async () => {
    const doc = await xml(site, "/news-sitemap.xml", /^application\/xml/);
    assert.equal(doc.urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
    // The sample is dated so its newest stories are from the last two days.
    assert.ok(doc.urlset.url.length > 0);
    for (const u of doc.urlset.url) {
      const news = u["news:news"];
      assert.equal(news["news:publication"]["news:name"], "Newsdesk");
      assert.equal(news["news:publication"]["news:language"], "en-GB");
      assert.ok(news["news:title"]);
      const age = Date.now() - Date.parse(news["news:publication_date"]);
      assert.ok(age >= 0 && age <= 2 * 24 * 3600 * 1000, `${u.loc} is within two days`);
    }
  });

  test("feeds escape markup in headlines instead of breaking the XML", async () => {
    const { saveArticle } = await import("../../src/store/articles.ts");
    await saveArticle(site.store, {
      id: "escape-test",
      slug: "ampersands-and-angles",
      section: "Politics",
      headline: `Fish & chips <b>tax</b> "row" — Quillhaven's ]]> test`,
      firstPublished: new Date().toISOString(),
      blocks: [{ type: "paragraph", text: "Body." }],
    });
    for (const path of ["/feeds/rss.xml", "/feeds/politics/atom.xml", "/sitemap.xml", "/news-sitemap.xml"]) {
      const text = await (await site.get(path)).text();
      assert.equal(XMLValidator.validate(text), true, path);
    }
    const rss = await xml(site, "/feeds/politics/rss.xml", /rss/);
    assert.ok(
      rss.rss.channel.item.some(
        (i: { title: string }) => i.title.includes("<b>tax</b>") || i.title.includes("&lt;b&gt;"),
      ),
    );
  });
});
