import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 1: a draft whose id is a published article's slug must not take over its page.
for (const engine of ENGINES) {
  describe(`article ids and slugs on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    test("a writer cannot make a published page 404 with an id equal to its slug", async () => {
      const published = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("pub1", { headline: "Harbour reopens after storm", status: "published" }),
      });
      assert.equal(published.status, 201, await published.clone().text());
      const slug = ((await published.json()) as { article: { slug: string } }).article.slug;
      assert.equal(slug, "harbour-reopens-after-storm");
      assert.equal((await s.get(`/news/world/${slug}`)).status, 200);

      const hostile = await s.call("POST", "/api/articles", { role: "writer", body: story(slug) });
      assert.equal(hostile.status, 409, await hostile.clone().text());
      const error = (await hostile.json()) as { error: { code: string; message: string } };
      assert.equal(error.error.code, "conflict-state");
      assert.match(error.error.message, /slug/);
      // An id equal to an existing id is refused as before.
      assert.equal((await s.call("POST", "/api/articles", { role: "writer", body: story("pub1") })).status, 409);
      const page = await s.get(`/news/world/${slug}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Harbour reopens after storm/);
    });

    test("pages look articles up by slug only, even when an older id equals the slug", async () => {
      // The draft came first; the published article then asks for the slug equal to its id.
      assert.equal((await s.call("POST", "/api/articles", { role: "writer", body: story("quay-fire") })).status, 201);
      const res = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("pub2", { headline: "Quay fire", status: "published" }),
      });
      assert.equal(res.status, 201);
      const slug = ((await res.json()) as { article: { slug: string } }).article.slug;
      const page = await s.get(`/news/world/${slug}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Quay fire/);
      // The API by id still finds each one by its own id.
      const byId = await s.call("GET", "/api/articles/quay-fire", { role: "reader" });
      assert.equal(byId.status, 200);
      assert.equal(((await byId.json()) as { article: { id: string } }).article.id, "quay-fire");
      const pub = await s.get("/api/articles/pub2");
      assert.equal(pub.status, 200);
    });
  });
}
