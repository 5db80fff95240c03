import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parseSiteConfig } from "../../src/config/site-config.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { saveArticle } from "../../src/store/articles.ts";
import type { Store } from "../../src/store/store.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { ENGINES, tempStore } from "../support/stores.ts";

const POLITICS = join(import.meta.dirname, "..", "..", "..", "shared", "data", "bbc-news-2005", "politics");

const storyLinks = (html: string) =>
  [...(/<ul class="story-list">(.*?)<\/ul>/s.exec(html)?.[1] ?? "").matchAll(/<a href="(\/news\/[^"]+)">/g)].map(
    (m) => m[1],
  );
const leadLink = (html: string) => /<section class="top-story"[^>]*>.*?<a href="(\/news\/[^"]+)">/s.exec(html)?.[1];

for (const engine of ENGINES) {
  describe(`whole archives over the 2005 politics corpus on ${engine}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    let imported = 0;
    let inMarch = 0;
    let inApril = 0;
    before(async () => {
      const t = await tempStore(engine);
      store = t.store;
      cleanup = t.cleanup;
      // Two dates, so the month archives differ: files up to 200 in March, the rest in April.
      const files = Array.from({ length: 417 }, (_, i) => join(POLITICS, `${String(i + 1).padStart(3, "0")}.txt`));
      const march = await importInputs(store, files.slice(0, 200), {
        enrich: false,
        followUp: false,
        date: "2005-03-14T09:00:00Z",
      });
      const april = await importInputs(store, files.slice(200), {
        enrich: false,
        followUp: false,
        date: "2005-04-02T23:30:00Z",
      });
      inMarch = march.imported;
      inApril = april.imported;
      imported = inMarch + inApril;
      assert.ok(imported > 400, `${imported} imported`);
      server = await startServer({ store, port: 0, config: parseSiteConfig({ name: "The Ledger" }) });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });
    const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });

    test("/news/politics pages through every story: page 2 differs, the last page ends the list", async () => {
      const first = await (await get("/news/politics")).text();
      const last = Math.ceil(imported / 30);
      assert.match(first, new RegExp(`Page 1 of ${last}`));
      assert.match(first, new RegExp(`<link rel="next" href="${server.url}/news/politics\\?page=2"/>`));
      assert.doesNotMatch(first, /<link rel="prev"/);
      const seen = new Set<string>([leadLink(first) ?? "", ...storyLinks(first)]);
      assert.equal(seen.size, 30);
      const second = await (await get("/news/politics?page=2")).text();
      assert.match(second, new RegExp(`<link rel="canonical" href="${server.url}/news/politics\\?page=2"/>`));
      assert.match(second, new RegExp(`<link rel="prev" href="${server.url}/news/politics"/>`));
      const page2 = storyLinks(second);
      assert.equal(page2.length, 30);
      assert.ok(
        page2.every((p) => !seen.has(p)),
        "page 2 shows stories not on page 1",
      );
      for (let n = 2; n <= last; n++) {
        const html = n === 2 ? second : await (await get(`/news/politics?page=${n}`)).text();
        for (const p of storyLinks(html)) {
          assert.ok(!seen.has(p), `${p} shown twice (page ${n})`);
          seen.add(p);
        }
        if (n === last) {
          assert.doesNotMatch(html, /rel="next"/);
          assert.match(html, new RegExp(`Page ${last} of ${last}`));
        }
      }
      assert.equal(seen.size, imported, "every story is on exactly one page");
      assert.equal((await get(`/news/politics?page=${last + 1}`)).status, 404);
      assert.equal((await get("/news/politics?page=zero")).status, 400);
    });

    test("month archives list a month's stories in the site's zone, paginated", async () => {
      const march = await get("/news/2005/03");
      assert.equal(march.status, 200);
      const html = await march.text();
      assert.match(html, /<h1>Stories from March 2005<\/h1>/);
      assert.match(html, new RegExp(`Page 1 of ${Math.ceil(inMarch / 30)}`));
      // 23:30 UTC on 2 April is 00:30 on 3 April in London (BST began on 27 March 2005): still April.
      const aprilPages = Math.ceil(inApril / 30);
      const lastApril = await (await get(`/news/2005/04?page=${aprilPages}`)).text();
      assert.match(lastApril, new RegExp(`Page ${aprilPages} of ${aprilPages}`));
      assert.equal(storyLinks(lastApril).length, inApril - (aprilPages - 1) * 30);
      assert.equal((await get("/news/2005/05")).status, 404);
      assert.equal((await get("/news/2005/13")).status, 400);
    });
  });

  describe(`author and person pages on ${engine}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    before(async () => {
      const t = await tempStore(engine);
      store = t.store;
      cleanup = t.cleanup;
      for (let i = 1; i <= 35; i++) {
        await saveArticle(store, {
          id: `story-${i}`,
          slug: `harbour-story-${i}`,
          section: "News",
          headline: `Harbour story number ${i}`,
          byline:
            i % 5 === 0 ? [{ name: "Ada Okafor" }, { name: "Sam Reed" }] : [{ name: "Ada Okafor", role: "Reporter" }],
          firstPublished: new Date(Date.UTC(2026, 0, i)).toISOString(),
          people: [{ name: "Maria Lenz", aliases: [] }],
          quotes: [
            { text: "central", speaker: "Maria Lenz", type: "direct" },
            { text: "in part", speaker: "Maria Lenz", type: "indirect" },
            { text: `The harbour wall will be finished by spring number ${i}`, speaker: "Maria Lenz", type: "direct" },
          ],
          blocks: [{ type: "paragraph", text: "Maria Lenz spoke about the harbour wall." }],
        });
      }
      server = await startServer({ store, port: 0, config: parseSiteConfig({ name: "The Ledger" }) });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });
    const page = async (path: string) => (await fetch(`${server.url}${path}`)).text();

    test("bylines link to author pages that list every story of the author, paginated", async () => {
      const article = await page("/news/news/harbour-story-5");
      assert.match(
        article,
        /By <a class="byline-name" href="\/authors\/ada-okafor">Ada Okafor<\/a> and <a class="byline-name" href="\/authors\/sam-reed">Sam Reed<\/a>/,
      );
      const ada = await page("/authors/ada-okafor");
      assert.match(ada, /<p class="kicker">Author<\/p>\s*<h1>Ada Okafor<\/h1>/);
      assert.match(ada, /Page 1 of 2/);
      assert.equal(storyLinks(ada).length, 30);
      assert.equal(storyLinks(await page("/authors/ada-okafor?page=2")).length, 5);
      assert.equal(storyLinks(await page("/authors/sam-reed")).length, 7);
      assert.equal((await fetch(`${server.url}/authors/nobody-here`)).status, 404);
    });

    test("a person's page leads with the stories and shows only quotes of a few words", async () => {
      const html = await page("/people/maria-lenz");
      const stories = html.indexOf('id="stories-title"');
      const quotes = html.indexOf('id="quotes-title"');
      assert.ok(stories > 0 && quotes > stories, "stories come before quotes");
      assert.match(html, /The harbour wall will be finished by spring number 35/);
      assert.doesNotMatch(html, /<q>central<\/q>/);
      assert.doesNotMatch(html, /<p>in part<\/p>/);
      assert.match(html, /Page 1 of 2/);
      assert.match(await page("/people/maria-lenz?page=2"), /<link rel="prev"/);
    });
  });
}
