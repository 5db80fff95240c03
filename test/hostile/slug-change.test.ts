import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 12: a PATCH naming a new slug applies it, or answers 409; never 200 with the old slug.
for (const engine of ENGINES) {
  describe(`changing a slug on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    test("a shorter slug that is a prefix of the current one is applied", async () => {
      const res = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("slug1", { headline: "Concurrency test story", status: "published" }),
      });
      assert.equal(((await res.json()) as { article: { slug: string } }).article.slug, "concurrency-test-story");
      const patch = await s.call("PATCH", "/api/articles/slug1", {
        role: "editor",
        ifMatch: res.headers.get("etag")!,
        body: { slug: "concurrency" },
      });
      assert.equal(patch.status, 200);
      assert.equal(((await patch.json()) as { article: { slug: string } }).article.slug, "concurrency");
      assert.equal((await s.store.articles.get("slug1"))?.article.slug, "concurrency");
      assert.equal((await s.get("/news/world/concurrency")).status, 200);
    });

    test("a slug another article has answers 409 and changes nothing", async () => {
      const other = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("slug2", { headline: "Taken", status: "published" }),
      });
      assert.equal(other.status, 201);
      const etag = (await s.call("GET", "/api/articles/slug1", { role: "editor" })).headers.get("etag")!;
      const patch = await s.call("PATCH", "/api/articles/slug1", {
        role: "editor",
        ifMatch: etag,
        body: { slug: "taken" },
      });
      assert.equal(patch.status, 409, await patch.clone().text());
      assert.equal((await s.store.articles.get("slug1"))?.article.slug, "concurrency");
    });
  });
}
