import assert from "node:assert/strict";
import { get, type IncomingHttpHeaders } from "node:http";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { ENGINES } from "../support/stores.ts";
import { startTestSite, type TestSite } from "./support.ts";

const ARTICLE = "/news/politics/quillhaven-council-approves-harbour-front-housing-plan-after-seven-hour-meeting";

for (const engine of ENGINES) {
  describe(`the website over HTTP on ${engine}`, () => {
    let site: TestSite;
    before(async () => {
      site = await startTestSite(engine);
    });
    after(async () => {
      await site.close();
    });

    test("serves every page type with the right status", async () => {
      const cases: [string, number][] = [
        ["/", 200],
        ["/news/politics", 200],
        [ARTICLE, 200],
        ["/people/maren-ashby", 200],
        ["/organisations/quillhaven-city-council", 200],
        ["/places/quillhaven", 200],
        ["/search?q=harbour", 200],
        ["/search", 200],
        ["/news/no-such-section", 404],
        ["/news/politics/no-such-story", 404],
        ["/people/nobody-at-all", 404],
        ["/no/such/page", 404],
      ];
      for (const [path, status] of cases) {
        const res = await site.get(path);
        assert.equal(res.status, status, path);
        assert.match(res.headers.get("content-type") ?? "", /^text\/html; charset=utf-8/, path);
        const html = await res.text();
        assert.equal(html.match(/<h1[\s>]/g)?.length, 1, `${path} has exactly one h1`);
        assert.doesNotMatch(html, /at \S+\.tsx?:\d+/, `${path} shows no stack trace`);
      }
    });

    test("the article page carries its metadata: canonical, Open Graph, Twitter, NewsArticle JSON-LD, times", async () => {
      const html = await (await site.get(ARTICLE)).text();
      assert.match(html, new RegExp(`<link rel="canonical" href="${site.url}${ARTICLE}"/>`));
      assert.match(html, /<meta property="og:type" content="article"\/>/);
      assert.match(html, /<meta property="og:title" content="Quillhaven council approves/);
      assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/);
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}");
      assert.equal(ld["@type"], "NewsArticle");
      assert.equal(ld.headline, "Quillhaven council approves harbour-front housing plan after seven-hour meeting");
      assert.equal(ld.author[0].name, "Anya Brightwell");
      assert.ok(ld.datePublished && ld.dateModified && ld.publisher.name);
      assert.match(html, /<html lang="en-GB" dir="ltr">/);
      assert.match(html, /Published <time datetime="[^"]+"/);
      assert.match(html, /Updated <time datetime="[^"]+"/);
      assert.match(html, /<nav class="breadcrumb" aria-label="Breadcrumb"/);
    });

    test("a withdrawn article answers 410, a draft 404, and a wrong section redirects to the canonical URL", async () => {
      const stored = await getArticle(site.store, "pol-bus-fares");
      assert.ok(stored);
      const path = `/news/politics/${stored.article.slug}`;
      assert.equal((await site.get(path)).status, 200);
      assert.equal((await site.get(`/news/sport/${stored.article.slug}`)).headers.get("location"), path);
      await saveArticle(site.store, { ...stored.article, status: "unpublished" });
      const gone = await site.get(path);
      assert.equal(gone.status, 410);
      assert.match(await gone.text(), /This story has been removed/);
      assert.equal((await site.get("/api/articles/pol-bus-fares")).status, 410);
      await saveArticle(site.store, { ...stored.article, id: "draft-1", slug: "a-draft", status: "draft" });
      assert.equal((await site.get("/news/politics/a-draft")).status, 404);
      await saveArticle(site.store, { ...stored.article, status: "published" });
      assert.equal((await site.get(path)).status, 200);
    });

    test("a new revision replaces the cached page at once, on the article and the fronts", async () => {
      const first = await site.get(ARTICLE);
      const etag = first.headers.get("etag");
      assert.ok(etag);
      assert.equal((await site.get(ARTICLE, { headers: { "if-none-match": etag } })).status, 304);
      const stored = await getArticle(site.store, "pol-harbour-housing");
      assert.ok(stored);
      const headline = "Quillhaven council approves harbour homes in late-night vote";
      await saveArticle(site.store, { ...stored.article, headline });
      const second = await site.get(ARTICLE, { headers: { "if-none-match": etag } });
      assert.equal(second.status, 200, "the old ETag no longer matches");
      assert.match(await second.text(), /<h1>Quillhaven council approves harbour homes in late-night vote<\/h1>/);
      assert.match(await (await site.get("/")).text(), /harbour homes in late-night vote/);
      assert.match(await (await site.get("/news/politics")).text(), /harbour homes in late-night vote/);
      assert.match(await (await site.get("/people/maren-ashby")).text(), /harbour homes in late-night vote/);
      await saveArticle(site.store, stored.article);
    });

    test("cached pages answer HEAD and ignore tracking query strings", async () => {
      await site.get(ARTICLE);
      const head = await site.get(ARTICLE, { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), "");
      assert.ok(Number(head.headers.get("content-length")) > 1000);
      const tracked = await site.get(`${ARTICLE}?utm_source=feed`);
      assert.equal(tracked.status, 200);
      assert.equal(tracked.headers.get("etag"), head.headers.get("etag"));
    });

    test("a revision saved by another process (another connection) reaches the next request", async () => {
      const path = "/news/sport/tollerby-town-clinch-promotion-with-last-minute-winner";
      assert.match(await (await site.get(path)).text(), /<h1>Tollerby Town clinch promotion/);
      const other = await openStore(site.storeLocation);
      try {
        const stored = await getArticle(other, "spo-tollerby-promotion");
        assert.ok(stored);
        await saveArticle(other, { ...stored.article, headline: "Tollerby Town promoted after stoppage-time header" });
      } finally {
        await other.close();
      }
      assert.match(await (await site.get(path)).text(), /<h1>Tollerby Town promoted after stoppage-time header<\/h1>/);
    });

    test("HTTP caching: validators, 304s, CDN cache headers, surrogate keys, compression", async () => {
      const res = await site.get(ARTICLE, { headers: { "accept-encoding": "gzip" } });
      assert.equal(res.headers.get("content-encoding"), "gzip");
      assert.match(res.headers.get("cache-control") ?? "", /s-maxage=\d+/);
      assert.match(res.headers.get("cache-control") ?? "", /stale-while-revalidate=\d+/);
      assert.match(res.headers.get("surrogate-key") ?? "", /\barticle-pol-harbour-housing\b/);
      assert.match(res.headers.get("surrogate-key") ?? "", /\bsection-politics\b/);
      assert.equal(res.headers.get("vary"), "Accept-Encoding");
      const lastModified = res.headers.get("last-modified");
      assert.ok(lastModified);
      assert.match(await res.text(), /<h1>/, "fetch decodes the gzip body");
      const br = await site.get(ARTICLE, { headers: { "accept-encoding": "br, gzip" } });
      assert.equal(br.headers.get("content-encoding"), "br");
      const since = await site.get(ARTICLE, { headers: { "if-modified-since": lastModified } });
      assert.equal(since.status, 304);
      const tags = await site.get("/people/maren-ashby");
      assert.match(tags.headers.get("surrogate-key") ?? "", /\btag-person-maren-ashby\b/);
      const css = await site.get("/static/site.css");
      assert.match(css.headers.get("cache-control") ?? "", /immutable/);
      assert.match(css.headers.get("content-type") ?? "", /^text\/css/);
    });

    test("the read API lists, pages and returns articles, and rejects bad parameters with 400", async () => {
      const list = await site.get("/api/articles?limit=5&page=2");
      assert.equal(list.status, 200);
      const body = (await list.json()) as { items: { id: string; headline: string; section: string; url: string }[] };
      assert.equal(body.items.length, 5);
      for (const item of body.items) {
        assert.ok(item.id && item.headline && item.section);
        assert.match(item.url, /^http:\/\/127\.0\.0\.1:\d+\/news\//);
      }
      for (const bad of ["page=0", "page=-1", "page=abc", "limit=0", "limit=101", "limit=1.5", "page=1e3"]) {
        const res = await site.get(`/api/articles?${bad}`);
        assert.equal(res.status, 400, bad);
        const err = (await res.json()) as { error: { message: string } };
        assert.match(err.error.message, /page|limit/);
      }
      const one = await site.get("/api/articles/sci-seal-pups");
      assert.equal(one.status, 200);
      const etag = one.headers.get("etag");
      assert.ok(etag);
      const article = (await one.json()) as { id: string; blocks: { type: string }[] };
      assert.equal(article.id, "sci-seal-pups");
      assert.ok(article.blocks.some((b) => b.type === "media"));
      assert.equal((await site.get("/api/articles/sci-seal-pups", { headers: { "if-none-match": etag } })).status, 304);
      assert.equal((await site.get("/api/articles/nope")).status, 404);
      assert.equal((await site.get("/api/articles/bad%20id!")).status, 400);
      assert.equal((await site.get("/api/nowhere")).status, 404);
    });

    test("search: the page and GET /api/search answer a bad query or parameter with 400, never 500", async () => {
      assert.equal((await site.get("/api/search")).status, 400);
      assert.equal((await site.get("/api/search?q=harbour&limit=500")).status, 400);
      assert.equal((await site.get("/api/search?q=harbour&from=yesterday")).status, 400);
      const ok = await site.get("/api/search?q=harbour");
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { total: number; items: unknown[] };
      assert.equal(typeof body.total, "number");
      assert.equal((await site.get("/search?q=harbour&page=zero")).status, 400);
      const unbalanced = await site.get(`/search?q=${encodeURIComponent('"harbour')}`);
      assert.ok(unbalanced.status === 200 || unbalanced.status === 400, `got ${unbalanced.status}`);
      const long = await site.get(`/api/search?q=${"a".repeat(5000)}`);
      assert.ok(long.status < 500, `a very long query gets ${long.status}`);
    });

    test("robots.txt names both sitemaps on the site's base URL", async () => {
      const res = await site.get("/robots.txt");
      assert.match(res.headers.get("content-type") ?? "", /^text\/plain/);
      const text = await res.text();
      assert.match(text, new RegExp(`Sitemap: ${site.url}/sitemap.xml`));
      assert.match(text, new RegExp(`Sitemap: ${site.url}/news-sitemap.xml`));
    });
  });
}

test("compressed bodies decode to the same page, and are much smaller", async () => {
  const site = await startTestSite("sqlite");
  try {
    const plain = Buffer.from(await (await site.get(ARTICLE)).arrayBuffer());
    for (const [coding, decode] of [
      ["gzip", gunzipSync],
      ["br", brotliDecompressSync],
    ] as const) {
      const raw = await rawGet(`${site.url}${ARTICLE}`, { "accept-encoding": coding });
      assert.equal(raw.headers["content-encoding"], coding);
      assert.equal(Number(raw.headers["content-length"]), raw.body.length);
      assert.deepEqual(decode(raw.body), plain);
      assert.ok(raw.body.length < plain.length / 2, `${coding}: ${raw.body.length} of ${plain.length} bytes`);
    }
  } finally {
    await site.close();
  }
});

/** A GET that leaves the body encoded, unlike fetch. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    }).on("error", reject);
  });
}
