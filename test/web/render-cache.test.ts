import assert from "node:assert/strict";
import { test } from "node:test";
import { keysForArticle, RenderCache, renderResponse } from "../../src/web/cache/render-cache.ts";

const page = (keys: string[]) =>
  renderResponse({ contentType: "text/html", body: "x".repeat(600), cacheControl: "public", keys });

test("invalidate drops exactly the entries tagged with a key, across paths", () => {
  const cache = new RenderCache();
  cache.set("/news/politics/a", page(["article-a", "section-politics"]));
  cache.set("/news/politics", page(["section-politics", "article-a", "article-b"]));
  cache.set("/news/sport/c", page(["article-c", "section-sport"]));
  cache.set("/", page(["front"]));
  cache.set("/people/x", page(["tag-person-x", "article-c"]));
  // A change to b in politics: its section's pages (which list it) and the fronts go; sport stays.
  assert.equal(cache.invalidate(keysForArticle({ id: "b", sectionSlug: "politics" })), 3);
  assert.equal(cache.get("/news/politics"), undefined);
  assert.equal(cache.get("/news/politics/a"), undefined);
  assert.equal(cache.get("/"), undefined);
  assert.ok(cache.get("/news/sport/c"));
  assert.ok(cache.get("/people/x"));
  assert.equal(cache.invalidate(["article-c"]), 2);
  assert.equal(cache.size, 0);
});

test("the cache is bounded: the oldest entry goes first", () => {
  const cache = new RenderCache(2);
  cache.set("/1", page(["k"]));
  cache.set("/2", page(["k"]));
  cache.set("/3", page(["k"]));
  assert.equal(cache.get("/1"), undefined);
  assert.equal(cache.size, 2);
  assert.equal(cache.invalidate(["k"]), 2);
});

test("rendered responses carry validators and compressed forms made once", () => {
  const r = renderResponse({
    contentType: "text/html",
    body: "<p>hello</p>".repeat(100),
    cacheControl: "public",
    lastModified: "2026-03-01T10:00:00Z",
  });
  assert.match(r.etag, /^"[\w-]+"$/);
  assert.equal(r.lastModified, "Sun, 01 Mar 2026 10:00:00 GMT");
  assert.ok(r.gzip && r.gzip.length < r.body.length);
  assert.ok(r.br && r.br.length < r.body.length);
  assert.equal(renderResponse({ contentType: "text/plain", body: "tiny", cacheControl: "public" }).gzip, null);
});

test("entries expire after maxAgeMs, so derived data no revision announces is refreshed", () => {
  let now = 1_000_000;
  const cache = new RenderCache(10, 60_000, () => now);
  cache.set("/a", page(["k"]));
  now += 59_000;
  assert.ok(cache.get("/a"));
  now += 2_000;
  assert.equal(cache.get("/a"), undefined);
  assert.equal(cache.size, 0);
});
