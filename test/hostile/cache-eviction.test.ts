import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 13: junk section names in front of a withdrawn slug must not each cache a 410.
for (const engine of ENGINES) {
  describe(`withdrawn stories and the page cache on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    test("410 on the canonical path only; other paths are uncached 404s", async () => {
      const res = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("gone1", { headline: "Withdrawn story", status: "published" }),
      });
      const etag = res.headers.get("etag")!;
      assert.equal(
        (await s.call("POST", "/api/articles/gone1/unpublish", { role: "editor", ifMatch: etag })).status,
        200,
      );
      assert.equal((await s.get("/news/world/withdrawn-story")).status, 410);
      const before = s.server.site.cache.size;
      for (let i = 0; i < 50; i++) {
        const junk = await s.get(`/news/junk${i}/withdrawn-story`);
        assert.equal(junk.status, 404);
        await junk.arrayBuffer();
      }
      assert.equal(s.server.site.cache.size, before, "no junk path was cached");
      assert.equal((await s.get("/news/world/withdrawn-story")).status, 410);
    });
  });
}
