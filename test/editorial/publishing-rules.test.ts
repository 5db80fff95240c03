import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { type ApiHarness, apiHarness, draftBody } from "./support.ts";

interface ErrorBody {
  error: { status: number; code: string; message: string };
}

for (const engine of ENGINES) {
  describe(`publishing rules on ${engine} (issue 16, point 4)`, () => {
    let t: TestStore;
    let h: ApiHarness;
    before(async () => {
      t = await tempStore(engine);
      h = await apiHarness(t.store);
    });
    after(() => t.cleanup());

    const create = async (id: string, extra: Record<string, unknown> = {}) => {
      const r = await h.call("POST", "/api/articles", { role: "editor", body: draftBody(id, extra) });
      return r;
    };

    test("a story with a headline and nothing else cannot be published, scheduled or created published", async () => {
      const draft = await create("empty", { blocks: [] });
      assert.equal(draft.status, 201, "a draft may be empty");
      const etag = draft.headers.get("etag")!;
      for (const [path, body] of [
        ["/api/articles/tempty/publish", undefined],
        ["/api/articles/tempty/schedule", { at: "2031-01-01T09:00:00Z" }],
      ] as const) {
        const r = await h.call("POST", path, { role: "editor", ifMatch: etag, body });
        assert.equal(r.status, 409, path);
        const e = (await r.json()) as ErrorBody;
        assert.equal(e.error.code, "conflict-state");
        assert.equal(e.error.status, 409);
        assert.match(e.error.message, /article tempty has no body/);
      }
      // Only crossheads and links are not a body either.
      const links = await create("links", {
        status: "published",
        blocks: [{ type: "crosshead", text: "Background" }],
      });
      assert.equal(links.status, 409);
      assert.match(((await links.json()) as ErrorBody).error.message, /no body/);
      const stored = await t.store.articles.get("tempty");
      assert.equal(stored?.article.status, "draft", "nothing changed");
      assert.equal(await t.store.articles.exists("tlinks"), false, "nothing half-written");
    });

    test("a live story cannot be emptied; with a body it publishes", async () => {
      const r = await create("full");
      const published = await h.call("POST", "/api/articles/tfull/publish", {
        role: "editor",
        ifMatch: r.headers.get("etag")!,
      });
      assert.equal(published.status, 200);
      const emptied = await h.call("PATCH", "/api/articles/tfull", {
        role: "editor",
        ifMatch: published.headers.get("etag")!,
        body: { blocks: [] },
      });
      assert.equal(emptied.status, 409);
      assert.match(((await emptied.json()) as ErrorBody).error.message, /no body/);
    });

    test("every publish, unpublish and correction is in the article's history, with its revision", async () => {
      const r = await create("hist");
      let etag = r.headers.get("etag")!;
      const step = async (path: string, body?: unknown) => {
        const res = await h.call("POST", `/api/articles/thist${path}`, { role: "editor", ifMatch: etag, body });
        assert.equal(res.status, 200, await res.clone().text());
        etag = res.headers.get("etag")!;
      };
      await step("/publish");
      await step("/corrections", { text: "An earlier version misnamed the river." });
      await step("/unpublish");
      await step("/publish");
      const res = await h.call("GET", "/api/articles/thist/history", { role: "reader" });
      assert.equal(res.status, 200);
      const { events } = (await res.json()) as {
        events: { action: string; revision: number; actor: string; detail: string | null; at: string }[];
      };
      assert.deepEqual(
        events.map((e) => [e.action, e.revision]),
        [
          ["create", 1],
          ["publish", 2],
          ["correction", 3],
          ["unpublish", 4],
          ["publish", 5],
        ],
      );
      assert.equal(events[2].detail, "An earlier version misnamed the river.");
      assert.match(events[1].actor, /test editor/);
      assert.ok(events.every((e) => !Number.isNaN(Date.parse(e.at))));

      assert.equal((await h.call("GET", "/api/articles/thist/history", {})).status, 401);
      const missing = await h.call("GET", "/api/articles/nosuch/history", { role: "reader" });
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as ErrorBody).error.code, "not-found");
    });
  });
}
