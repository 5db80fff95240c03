import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../src/auth/tokens.ts";
import { runDueSchedules } from "../../src/editorial/schedule.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { createApp } from "../../src/web/app.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { draftBody, manualClock } from "./support.ts";

/** The editorial API inside the real site: reads fall through to the public API and pages. */
for (const engine of ENGINES) {
  describe(`editorial API mounted in the site on ${engine}`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>["app"];
    let token: string;
    const clock = manualClock("2026-04-01T08:00:00Z");
    before(async () => {
      t = await tempStore(engine);
      token = (await createToken(t.store, "editor", "mounted")).token;
      ({ app } = createApp({
        store: t.store,
        baseUrl: "http://news.test",
        writeApi: createEditorialApi({ store: t.store, clock, schedulerIntervalMs: 0, rateLimits: false }),
      }));
    });
    after(async () => {
      await t.cleanup();
    });

    const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    test("a draft is invisible to readers; with a token it is read with its ETag", async () => {
      const created = await send("POST", "/api/articles", draftBody("m1"));
      assert.equal(created.status, 201);
      const anonymous = await app.request("/api/articles/tm1");
      assert.equal(anonymous.status, 404, "the public API does not show drafts");
      const page = await app.request("/news/world/story-number-m1");
      assert.equal(page.status, 404);
      const authorised = await app.request("/api/articles/tm1", { headers: { authorization: `Bearer ${token}` } });
      assert.equal(authorised.status, 200);
      assert.equal(authorised.headers.get("etag"), '"1"');
      const list = await app.request("/api/articles");
      assert.equal(list.status, 200, "the public list is still the read API's");
    });

    test("a scheduled article appears on the site at its time, not before", async () => {
      const created = await send("POST", "/api/articles", draftBody("m2"));
      const scheduled = await send(
        "POST",
        "/api/articles/tm2/schedule",
        { at: "2026-04-01T12:00:00Z" },
        { "if-match": created.headers.get("etag")! },
      );
      assert.equal(scheduled.status, 200);
      await runDueSchedules(t.store, new Date("2026-04-01T11:00:00Z"));
      assert.equal((await app.request("/news/world/story-number-m2")).status, 404);
      await runDueSchedules(t.store, new Date("2026-04-01T12:00:00Z"));
      assert.equal((await app.request("/news/world/story-number-m2")).status, 200);
      assert.equal((await app.request("/api/articles/tm2")).status, 200);
    });

    test("without a token a write is a 401 even though reads are public", async () => {
      const res = await app.request("/api/articles", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(draftBody("m3")),
      });
      assert.equal(res.status, 401);
    });
  });
}
