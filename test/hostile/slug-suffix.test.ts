import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Found while benchmarking finding 7: ids sharing their first 8 characters and one headline gave
// the same suffixed slug, a UNIQUE violation and a 500.
for (const engine of ENGINES) {
  describe(`slug suffixes on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    test("three articles with one headline and ids alike in 8 characters get three slugs", async () => {
      const slugs = new Set<string>();
      for (const id of ["w0x000001", "w0x000002", "w0x000003"]) {
        const res = await s.call("POST", "/api/articles", { role: "writer", body: story(id, { headline: "Same" }) });
        assert.equal(res.status, 201, await res.clone().text());
        slugs.add(((await res.json()) as { article: { slug: string } }).article.slug);
      }
      assert.equal(slugs.size, 3);
      // A later edit keeps each article's own suffixed slug.
      const etag = (await s.call("GET", "/api/articles/w0x000003", { role: "writer" })).headers.get("etag")!;
      const patch = await s.call("PATCH", "/api/articles/w0x000003", {
        role: "writer",
        ifMatch: etag,
        body: { summary: "x" },
      });
      assert.equal(patch.status, 200);
      assert.ok(slugs.has(((await patch.json()) as { article: { slug: string } }).article.slug));
    });

    test("an import batch of such articles stores them all", async () => {
      const docs = ["b0x000001", "b0x000002", "b0x000003"].map((id) => ({
        article: { ...story(id, { headline: "Batch" }), slug: "batch" },
      }));
      const saved = await s.store.articles.saveMany(docs);
      assert.equal(new Set(saved.map((r) => r.slug)).size, 3);
    });
  });
}
