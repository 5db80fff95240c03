import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../src/auth/tokens.ts";
import { parseSiteConfig } from "../../src/config/site-config.ts";
import { saveArticle } from "../../src/store/articles.ts";
import type { Store } from "../../src/store/store.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { RenderCache } from "../../src/web/cache/render-cache.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { ENGINES, tempStore } from "../support/stores.ts";

const leadOf = (html: string) =>
  /<section class="top-story"[^>]*>.*?<a href="\/news\/[^/]+\/([^"]+)">/s.exec(html)?.[1];
const topOf = (html: string) =>
  [
    ...(/<ul class="story-grid top-stories">(.*?)<\/ul>/s.exec(html)?.[1] ?? "").matchAll(
      /<h3 class="story-headline"><a href="\/news\/[^/]+\/([^"]+)">/g,
    ),
  ].map((m) => m[1]);

function story(n: number, section = "News", at = Date.UTC(2026, 5, 1, 8, n)) {
  return {
    id: `s${n}`,
    slug: `story-${n}`,
    section,
    headline: `Story ${n}`,
    firstPublished: new Date(at).toISOString(),
    blocks: [{ type: "paragraph" as const, text: `Body ${n}.` }],
  };
}

for (const engine of ENGINES) {
  describe(`curated fronts and the breaking banner on ${engine}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    let editor = "";
    let writer = "";
    let now = Date.UTC(2026, 5, 1, 12);
    before(async () => {
      const t = await tempStore(engine);
      store = t.store;
      cleanup = t.cleanup;
      for (let n = 1; n <= 8; n++) await saveArticle(store, story(n, n % 2 ? "News" : "Sport"));
      editor = (await createToken(store, "editor", "fronts")).token;
      writer = (await createToken(store, "writer", "fronts")).token;
      server = await startServer({
        store,
        port: 0,
        config: parseSiteConfig({ name: "The Ledger" }),
        now: () => now,
        // The cache on the test's clock, keeping pages an hour unless they say otherwise.
        cache: new RenderCache(5000, 60 * 60_000, () => now),
        writeApi: createEditorialApi({ store, schedulerIntervalMs: 0, rateLimits: false, clock: () => new Date(now) }),
      });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });
    const page = async (path: string) => (await fetch(`${server.url}${path}`)).text();
    const call = (method: string, path: string, token: string, body?: unknown) =>
      fetch(`${server.url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    test("without an editor's choice the newest story leads", async () => {
      assert.equal(leadOf(await page("/")), "story-8");
    });

    test("the lead an editor chose stays the lead when newer stories arrive; top stories keep their order", async () => {
      assert.equal(leadOf(await page("/")), "story-8"); // cached before the change
      const put = await call("PUT", "/fronts/home", editor, { lead: "s3", top: ["s1", "s5"] });
      assert.equal(put.status, 200, await put.clone().text());
      let home = await page("/");
      assert.equal(leadOf(home), "story-3", "the cached home page was purged");
      assert.deepEqual(topOf(home).slice(0, 2), ["story-1", "story-5"]);
      // Filled automatically below the chosen ones: the newest not already shown.
      assert.deepEqual(topOf(home).slice(2), ["story-8", "story-7"]);
      await saveArticle(store, story(9, "News", Date.UTC(2026, 5, 1, 11)));
      home = await page("/");
      assert.equal(leadOf(home), "story-3");
      assert.deepEqual(topOf(home), ["story-1", "story-5", "story-9", "story-8"]);
      const read = (await (await call("GET", "/fronts/home", writer)).json()) as { lead: string; top: string[] };
      assert.deepEqual(read, { front: "home", lead: "s3", top: ["s1", "s5"] });
    });

    test("a section front has its own lead", async () => {
      assert.equal(leadOf(await page("/news/sport")), "story-8");
      assert.equal((await call("PUT", "/fronts/sport", editor, { lead: "s2" })).status, 200);
      assert.equal(leadOf(await page("/news/sport")), "story-2");
      assert.equal((await call("DELETE", "/fronts/sport", editor)).status, 204);
      assert.equal(leadOf(await page("/news/sport")), "story-8");
    });

    test("bad choices are refused with the field named; writers may not curate", async () => {
      const missing = await call("PUT", "/fronts/home", editor, { lead: "s1", top: ["s2", "nope"] });
      assert.equal(missing.status, 400);
      const body = (await missing.json()) as { error: { code: string; issues: { path: string }[] } };
      assert.equal(body.error.code, "invalid-body");
      assert.deepEqual(
        body.error.issues.map((i) => i.path),
        ["top[1]"],
      );
      assert.equal((await call("PUT", "/fronts/home", editor, { lead: 5 })).status, 400);
      assert.equal((await call("PUT", "/fronts/Not%20A%20Front", editor, { lead: "s1" })).status, 400);
      assert.equal((await call("PUT", "/fronts/home", writer, { lead: "s1" })).status, 403);
      assert.equal(leadOf(await page("/")), "story-3", "nothing changed");
    });

    test("a breaking-news banner shows on the fronts until it expires", async () => {
      const expiresAt = new Date(now + 3 * 60_000).toISOString();
      const past = await call("PUT", "/breaking", editor, {
        text: "Bridge closed",
        expiresAt: new Date(now - 1000).toISOString(),
      });
      assert.equal(past.status, 400);
      const put = await call("PUT", "/breaking", editor, {
        text: "Harbour bridge closed after collision",
        url: "/news/news/story-9",
        expiresAt,
      });
      assert.equal(put.status, 200, await put.clone().text());
      assert.match(
        await page("/"),
        /<aside class="breaking"[^>]*><strong>Breaking<\/strong> <a href="\/news\/news\/story-9">Harbour bridge closed after collision<\/a><\/aside>/,
      );
      assert.match(await page("/news/sport"), /Harbour bridge closed after collision/);
      // The cached fronts expire with the banner (their relative times would keep them 5 minutes).
      now += 4 * 60_000;
      assert.doesNotMatch(await page("/"), /class="breaking"/);
      assert.equal((await call("DELETE", "/breaking", editor)).status, 204);
    });
  });
}
