import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runDueSchedules } from "../../src/editorial/schedule.ts";
import { type ApiHarness, apiHarness, draftBody, manualClock } from "../editorial/support.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

// Finding 3: embargo → publish → DELETE → restore → publish must not go live before the embargo.
for (const engine of ENGINES) {
  describe(`an embargo across delete and restore on ${engine}`, () => {
    let t: TestStore;
    let h: ApiHarness;
    const clock = manualClock("2026-03-01T09:00:00Z");
    before(async () => {
      t = await tempStore(engine);
      h = await apiHarness(t.store, { clock });
    });
    after(() => t.cleanup());

    const step = async (method: string, path: string, etag: string, body?: unknown) => {
      const res = await h.call(method, path, { role: "editor", ifMatch: etag, body });
      assert.equal(res.status, 200, `${method} ${path}: ${await res.clone().text()}`);
      return {
        etag: res.headers.get("etag")!,
        status: ((await res.json()) as { article: { status: string } }).article.status,
      };
    };

    test("the embargo survives delete and restore", async () => {
      const created = await h.call("POST", "/api/articles", { role: "editor", body: draftBody("emb1") });
      assert.equal(created.status, 201);
      let r = await step("POST", "/api/articles/temb1/embargo", created.headers.get("etag")!, {
        until: "2030-01-01T00:00:00Z",
      });
      r = await step("POST", "/api/articles/temb1/publish", r.etag);
      assert.equal(r.status, "scheduled");
      r = await step("DELETE", "/api/articles/temb1", r.etag);
      assert.equal(r.status, "deleted");
      r = await step("POST", "/api/articles/temb1/restore", r.etag);
      assert.notEqual(r.status, "published");
      r = await step("POST", "/api/articles/temb1/publish", r.etag);
      assert.equal(r.status, "scheduled", "publishing after the restore is held by the embargo");
      assert.equal((await t.store.schedule.get("temb1"))?.embargoUntil, "2030-01-01T00:00:00.000Z");
      await runDueSchedules(t.store, clock());
      assert.equal((await t.store.articles.get("temb1"))?.article.status, "scheduled");
      clock.set("2030-01-01T00:00:01Z");
      await runDueSchedules(t.store, clock());
      assert.equal((await t.store.articles.get("temb1"))?.article.status, "published");
    });
  });
}
