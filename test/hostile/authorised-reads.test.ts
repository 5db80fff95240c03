import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 6: a request with Authorization is never answered from the public render cache.
for (const engine of ENGINES) {
  describe(`authorised reads and the public cache on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    test("editors get the current ETag, withdrawn articles, and bad tokens get 401", async () => {
      const created = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("auth1", { status: "published" }),
      });
      assert.equal(created.status, 201);
      // The anonymous read is cached (revision 1).
      const anon = await s.get("/api/articles/auth1");
      assert.equal(anon.status, 200);
      assert.equal(anon.headers.get("etag"), '"1"');
      const again = await s.get("/api/articles/auth1");
      assert.equal(again.headers.get("etag"), '"1"');

      const asEditor = await s.call("GET", "/api/articles/auth1", { role: "editor" });
      assert.equal(asEditor.status, 200);
      assert.equal(asEditor.headers.get("cache-control"), "no-store");
      const patch = await s.call("PATCH", "/api/articles/auth1", {
        role: "editor",
        ifMatch: asEditor.headers.get("etag")!,
        body: { summary: "Changed." },
      });
      assert.equal(patch.status, 200, await patch.clone().text());

      const bad = await s.call("GET", "/api/articles/auth1", { token: "nd_not_a_real_token" });
      assert.equal(bad.status, 401);

      const del = await s.call("DELETE", "/api/articles/auth1", {
        role: "editor",
        ifMatch: patch.headers.get("etag")!,
      });
      assert.equal(del.status, 200);
      assert.equal((await s.get("/api/articles/auth1")).status, 410);
      assert.equal((await s.get("/api/articles/auth1")).status, 410); // now cached
      const deleted = await s.call("GET", "/api/articles/auth1", { role: "editor" });
      assert.equal(deleted.status, 200, "an editor still reads a deleted article");
      assert.equal(((await deleted.json()) as { article: { status: string } }).article.status, "deleted");
    });
  });
}
