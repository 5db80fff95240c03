import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { parseArticle } from "../../src/model/article.ts";
import { saveValidatedArticles } from "../../src/store/articles.ts";
import { runCliAsync, spawnCli } from "../support/cli.ts";
import { ENGINES, tempStore } from "../support/stores.ts";

/**
 * Credit to the source (issue 12, point 4), through the real CLI and the served site on both
 * engines: an imported page keeps its publisher, original URL and date; the article page names them
 * and its canonical link points to the original; feeds and JSON-LD carry it; `--own` and the
 * configured own domains keep the newsroom's own pages canonical here.
 */

const BENCH = join(import.meta.dirname, "../../../shared/data/article-extraction-benchmark/html");
const CTPOST = join(BENCH, "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html");
const CTPOST_URL = "https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php";
const NYT = join(BENCH, "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34.html");
const NYT_URL = "https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html";

async function serve(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = spawnCli(["serve", "--port", "0", "--db", db, "--base-url", "https://news.example.org"]);
  for (let i = 0; i < 600; i++) {
    const m = /at (http:\/\/\S+)/.exec(server.output());
    if (m) {
      return {
        url: m[1],
        stop: async () => {
          server.child.kill("SIGTERM");
          await server.exited;
        },
      };
    }
    if (server.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  server.child.kill("SIGKILL");
  throw new Error(`serve did not start: ${server.output()}`);
}

function jsonLd(html: string): Record<string, unknown> {
  const m = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
  assert.ok(m, "the page has JSON-LD");
  return JSON.parse(m[1]) as Record<string, unknown>;
}

for (const engine of ENGINES) {
  test(`${engine}: an imported page is credited to its publisher, and canonical points to the original`, async () => {
    const t = await tempStore(engine);
    try {
      // An article stored before sources were kept (no `source`) must still load and render.
      const old = parseArticle({
        id: "old-story",
        slug: "an-old-story",
        section: "News",
        headline: "An old story",
        blocks: [{ type: "paragraph", text: "Written here, before sources were kept." }],
      });
      await saveValidatedArticles(t.store, [{ article: old }]);

      const imported = await runCliAsync([
        "import",
        "--db",
        t.location,
        "--section",
        "News",
        "--base-url",
        CTPOST_URL,
        CTPOST,
      ]);
      assert.equal(imported.code, 0, imported.stderr);
      const own = await runCliAsync(["import", "--db", t.location, "--own", "--base-url", NYT_URL, NYT]);
      assert.equal(own.code, 0, own.stderr);

      const site = await serve(t.location);
      try {
        const page = await (
          await fetch(`${site.url}/news/news/new-suvs-and-electric-vehicles-highlight-l-a-auto-show`)
        ).text();
        assert.match(page, /<link rel="canonical" href="https:\/\/www\.ctpost\.com\/news\/us\/article\/New-SUVs/);
        assert.match(
          page,
          /Originally published by <a href="https:\/\/www\.ctpost\.com\/news\/us\/article\/New-SUVs[^"]*" rel="external">Connecticut Post<\/a> on <time datetime="2019-11-20T06:35:39\.000Z">20 November 2019<\/time>/,
        );
        assert.doesNotMatch(page, /By By/);
        const ld = jsonLd(page);
        assert.deepEqual(ld.isBasedOn, {
          "@type": "NewsArticle",
          url: CTPOST_URL,
          datePublished: "2019-11-20T06:35:39.000Z",
          publisher: { "@type": "Organization", name: "Connecticut Post" },
        });

        // The newsroom's own page: no credit, canonical stays on this site.
        const nyt = await (await fetch(`${site.url}/news/opinion/republicans-are-following-trump-to-nowhere`)).text();
        assert.match(
          nyt,
          /<link rel="canonical" href="https:\/\/news\.example\.org\/news\/opinion\/republicans-are-following-trump-to-nowhere"\/>/,
        );
        assert.doesNotMatch(nyt, /Originally published by/);
        assert.equal(jsonLd(nyt).isBasedOn, undefined);

        const oldPage = await (await fetch(`${site.url}/news/news/an-old-story`)).text();
        assert.match(oldPage, /<link rel="canonical" href="https:\/\/news\.example\.org\/news\/news\/an-old-story"\/>/);
        assert.doesNotMatch(oldPage, /Originally published by/);

        const rss = await (await fetch(`${site.url}/feeds/rss.xml`)).text();
        assert.match(rss, /<dc:source>https:\/\/www\.ctpost\.com\/news\/us\/article\/New-SUVs[^<]*<\/dc:source>/);
        assert.match(rss, /Originally published by Connecticut Post on 20 November 2019/);
        assert.equal((rss.match(/<dc:source>/g) ?? []).length, 1, "only the credited story has a source");
        const atom = await (await fetch(`${site.url}/feeds/atom.xml`)).text();
        assert.match(
          atom,
          /<link rel="via" type="text\/html" href="https:\/\/www\.ctpost\.com\/[^"]*" title="Connecticut Post"\/>/,
        );
        const json = (await (await fetch(`${site.url}/feeds/feed.json`)).json()) as {
          items: { title: string; external_url?: string }[];
        };
        const item = json.items.find((i) => i.title.startsWith("New SUVs"));
        assert.equal(item?.external_url, CTPOST_URL);
        assert.equal(json.items.find((i) => i.title.startsWith("Republicans"))?.external_url, undefined);
      } finally {
        await site.stop();
      }
    } finally {
      await t.cleanup();
    }
  });
}

test("own domains: NEWSDESK_OWN_DOMAINS and --own-domains make a page the newsroom's own", async () => {
  const t = await tempStore("sqlite");
  try {
    const byEnv = await runCliAsync(
      ["import", "--db", t.location, "--section", "News", "--base-url", CTPOST_URL, CTPOST],
      {
        env: { NEWSDESK_OWN_DOMAINS: "example.org, ctpost.com" },
      },
    );
    assert.equal(byEnv.code, 0, byEnv.stderr);
    const byOption = await runCliAsync([
      "import",
      "--db",
      t.location,
      "--own-domains",
      "nytimes.com",
      "--section",
      "News",
      "--base-url",
      NYT_URL,
      NYT,
    ]);
    assert.equal(byOption.code, 0, byOption.stderr);
    const site = await serve(t.location);
    try {
      for (const path of [
        "/news/news/new-suvs-and-electric-vehicles-highlight-l-a-auto-show",
        "/news/opinion/republicans-are-following-trump-to-nowhere",
      ]) {
        const page = await (await fetch(`${site.url}${path}`)).text();
        assert.match(page, new RegExp(`<link rel="canonical" href="https://news\\.example\\.org${path}"/>`));
        assert.doesNotMatch(page, /Originally published by/);
      }
    } finally {
      await site.stop();
    }
  } finally {
    await t.cleanup();
  }
});

test("the model: a stored article without `source` reads as before; a source must link to an http(s) page", () => {
  const base = { id: "a", slug: "a", section: "News", headline: "A" };
  assert.equal(parseArticle(base).source, undefined);
  assert.deepEqual(parseArticle({ ...base, source: { url: "https://example.com/a", publisher: "Example" } }).source, {
    url: "https://example.com/a",
    publisher: "Example",
    own: false,
  });
  assert.throws(
    () => parseArticle({ ...base, source: { url: "javascript:alert(1)" } }),
    /source\.url: must be an absolute http\(s\) URL/,
  );
});
