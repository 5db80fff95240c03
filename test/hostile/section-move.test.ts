import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 5: a story moved to another section and then withdrawn leaves its old section's cached
// front and feed at once.
for (const engine of ENGINES) {
  describe(`a section move then unpublish on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    const lists = async (path: string, text: string) => (await (await s.get(path)).text()).includes(text);

    test("the old section's front and feed drop the story", async () => {
      const headline = "Lighthouse keeper retires";
      await s.call("POST", "/api/articles", { role: "editor", body: story("keep1", { status: "published" }) });
      // Past the change watcher's look-back (5 s before the newest change it saw), so later purges
      // no longer catch keep1 and, through its section key, the World pages by chance.
      await sleep(5500);
      const res = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("move1", { headline, status: "published" }),
      });
      assert.equal(res.status, 201);
      // Both are now cached, listing the story.
      assert.ok(await lists("/news/world", headline));
      assert.ok(await lists("/feeds/world/rss.xml", headline));
      const moved = await s.call("PATCH", "/api/articles/move1", {
        role: "editor",
        ifMatch: res.headers.get("etag")!,
        body: { section: "Sport" },
      });
      assert.equal(moved.status, 200, await moved.clone().text());
      const gone = await s.call("POST", "/api/articles/move1/unpublish", {
        role: "editor",
        ifMatch: moved.headers.get("etag")!,
      });
      assert.equal(gone.status, 200);
      assert.equal(await lists("/news/world", headline), false, "the old section's front");
      assert.equal(await lists("/feeds/world/rss.xml", headline), false, "the old section's feed");
      assert.equal(await lists("/news/sport", headline), false);
    });
  });
}
