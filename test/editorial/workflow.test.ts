import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runDueSchedules } from "../../src/editorial/schedule.ts";
import { getArticle, listArticles } from "../../src/store/articles.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { type ApiHarness, apiHarness, draftBody, manualClock } from "./support.ts";

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

for (const engine of ENGINES) {
  describe(`editorial workflow on ${engine}`, () => {
    let t: TestStore;
    let h: ApiHarness;
    const clock = manualClock("2026-03-01T09:00:00Z");
    before(async () => {
      t = await tempStore(engine);
      h = await apiHarness(t.store, { clock });
    });
    after(async () => {
      await t.cleanup();
    });

    async function create(n: string, extra: Record<string, unknown> = {}): Promise<string> {
      const res = await h.call("POST", "/api/articles", { role: "editor", body: draftBody(n, extra) });
      assert.equal(res.status, 201, await res.clone().text());
      return res.headers.get("etag")!;
    }

    async function etagOf(id: string): Promise<string> {
      const res = await h.call("GET", `/api/articles/${id}`, { role: "reader" });
      assert.equal(res.status, 200);
      return res.headers.get("etag")!;
    }

    const isPublic = async (id: string) => (await listArticles(t.store, { limit: 1000 })).some((a) => a.id === id);

    test("reads carry an ETag; writes need If-Match (428) and fail on a stale one (412)", async () => {
      const etag = await create("etag1");
      assert.equal(etag, '"1"');
      assert.equal(await etagOf("tetag1"), '"1"');
      const missing = await h.call("PATCH", "/api/articles/tetag1", { role: "writer", body: { headline: "No match" } });
      assert.equal(missing.status, 428);
      const first = await h.call("PATCH", "/api/articles/tetag1", {
        role: "writer",
        ifMatch: etag,
        body: { headline: "Writer one" },
      });
      assert.equal(first.status, 200);
      assert.equal(first.headers.get("etag"), '"2"');
      // A second editor still holding revision 1 must not overwrite the first one's change.
      const stale = await h.call("PATCH", "/api/articles/tetag1", {
        role: "writer",
        ifMatch: etag,
        body: { headline: "Writer two" },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.headers.get("etag"), '"2"');
      assert.equal((await getArticle(t.store, "tetag1"))?.article.headline, "Writer one");
      for (const path of ["/publish", "/unpublish", "/corrections"]) {
        const r = await h.call("POST", `/api/articles/tetag1${path}`, {
          role: "editor",
          ifMatch: '"1"',
          body: { text: "x" },
        });
        assert.equal(r.status, 412, path);
      }
      const del = await h.call("DELETE", "/api/articles/tetag1", { role: "editor" });
      assert.equal(del.status, 428);
    });

    test("concurrent writers holding the same ETag: exactly one wins", async () => {
      const etag = await create("race1");
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          h.call("PATCH", "/api/articles/trace1", { role: "writer", ifMatch: etag, body: { summary: `racer ${i}` } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 412, 412, 412, 412, 412]);
      assert.equal((await getArticle(t.store, "trace1"))?.revision, 2);
    });

    test("PUT replaces, PATCH merges, workflow fields cannot be changed through them", async () => {
      let etag = await create("put1", { tags: ["a"] });
      let res = await h.call("PUT", "/api/articles/tput1", {
        role: "writer",
        ifMatch: etag,
        body: { section: "Science", headline: "Replaced" },
      });
      assert.equal(res.status, 200);
      const put = await json<{ article: { headline: string; tags: string[]; slug: string } }>(res);
      assert.deepEqual(
        [put.article.headline, put.article.tags, put.article.slug],
        ["Replaced", [], "story-number-put1"],
      );
      etag = res.headers.get("etag")!;
      res = await h.call("PATCH", "/api/articles/tput1", {
        role: "writer",
        ifMatch: etag,
        body: { status: "published" },
      });
      assert.equal(res.status, 400);
      assert.equal((await json<{ error: { issues: { path: string }[] } }>(res)).error.issues[0].path, "status");
      res = await h.call("PATCH", "/api/articles/tput1", {
        role: "writer",
        ifMatch: etag,
        body: { summary: null, tags: ["x"] },
      });
      const patched = await json<{ article: { summary: string; tags: string[]; headline: string } }>(res);
      assert.deepEqual(
        [patched.article.summary, patched.article.tags, patched.article.headline],
        ["", ["x"], "Replaced"],
      );
    });

    test("publish and unpublish change what readers see", async () => {
      let etag = await create("pub1");
      assert.equal(await isPublic("tpub1"), false, "a draft is not public");
      let res = await h.call("POST", "/api/articles/tpub1/publish", { role: "editor", ifMatch: etag });
      const published = await json<{ article: { status: string; firstPublished: string } }>(res);
      assert.equal(published.article.status, "published");
      assert.equal(published.article.firstPublished, clock().toISOString());
      assert.equal(await isPublic("tpub1"), true);
      etag = res.headers.get("etag")!;
      res = await h.call("POST", "/api/articles/tpub1/unpublish", { role: "editor", ifMatch: etag });
      assert.equal(res.status, 200);
      assert.equal(await isPublic("tpub1"), false);
    });

    test("schedule: published at the time, not before", async () => {
      clock.set("2026-03-01T09:00:00Z");
      const etag = await create("sched1");
      const res = await h.call("POST", "/api/articles/tsched1/schedule", {
        role: "editor",
        ifMatch: etag,
        body: { at: "2026-03-01T12:00:00Z" },
      });
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal((await json<{ article: { status: string } }>(res)).article.status, "scheduled");
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T11:59:59.999Z")), []);
      assert.equal(await isPublic("tsched1"), false);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T12:00:00Z")), ["tsched1"]);
      assert.equal(await isPublic("tsched1"), true);
      const stored = await getArticle(t.store, "tsched1");
      assert.equal(stored?.article.firstPublished, "2026-03-01T12:00:00.000Z");
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-02T00:00:00Z")), [], "published once");
    });

    test("embargo: a published article is withdrawn until the embargo lifts; publishing early waits", async () => {
      clock.set("2026-03-01T09:00:00Z");
      let etag = await create("emb1", { status: "published" });
      assert.equal(await isPublic("temb1"), true);
      let res = await h.call("POST", "/api/articles/temb1/embargo", {
        role: "editor",
        ifMatch: etag,
        body: { until: "2026-03-01T18:00:00Z" },
      });
      assert.equal(res.status, 200);
      assert.equal(await isPublic("temb1"), false, "hidden under embargo");
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T17:59:59Z")), []);
      assert.equal(await isPublic("temb1"), false);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T18:00:00Z")), ["temb1"]);
      assert.equal(await isPublic("temb1"), true);

      // A draft under embargo: an editor's publish before the time only schedules it.
      etag = await create("emb2");
      res = await h.call("POST", "/api/articles/temb2/embargo", {
        role: "editor",
        ifMatch: etag,
        body: { until: "2026-03-01T20:00:00Z" },
      });
      assert.equal((await json<{ article: { status: string } }>(res)).article.status, "draft");
      etag = res.headers.get("etag")!;
      res = await h.call("POST", "/api/articles/temb2/publish", { role: "editor", ifMatch: etag });
      assert.equal((await json<{ article: { status: string } }>(res)).article.status, "scheduled");
      assert.equal(await isPublic("temb2"), false);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T19:00:00Z")), []);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-01T20:00:01Z")), ["temb2"]);
      assert.equal(await isPublic("temb2"), true);

      // A schedule earlier than the embargo waits for the embargo.
      etag = await create("emb3");
      res = await h.call("POST", "/api/articles/temb3/embargo", {
        role: "editor",
        ifMatch: etag,
        body: { until: "2026-03-05T00:00:00Z" },
      });
      res = await h.call("POST", "/api/articles/temb3/schedule", {
        role: "editor",
        ifMatch: res.headers.get("etag")!,
        body: { at: "2026-03-04T00:00:00Z" },
      });
      assert.equal(res.status, 200);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-04T12:00:00Z")), []);
      assert.deepEqual(await runDueSchedules(t.store, new Date("2026-03-05T00:00:00Z")), ["temb3"]);
    });

    test("bad schedule times are field-level 400s", async () => {
      const etag = await create("sched2");
      for (const at of ["tomorrow", "2026-13-01T00:00:00Z", 5, null, "2026-03-01T10:00:00"]) {
        const res = await h.call("POST", "/api/articles/tsched2/schedule", {
          role: "editor",
          ifMatch: etag,
          body: { at },
        });
        assert.equal(res.status, 400, String(at));
        assert.equal((await json<{ error: { issues: { path: string }[] } }>(res)).error.issues[0].path, "at");
      }
    });

    test("soft delete hides the article and keeps it restorable with its history", async () => {
      let etag = await create("del1", { status: "published" });
      let res = await h.call("DELETE", "/api/articles/tdel1", { role: "editor", ifMatch: etag });
      assert.equal(res.status, 200);
      assert.equal(await isPublic("tdel1"), false);
      assert.equal((await getArticle(t.store, "tdel1"))?.article.status, "deleted", "the row is still there");
      etag = res.headers.get("etag")!;
      res = await h.call("POST", "/api/articles/tdel1/publish", { role: "editor", ifMatch: etag });
      assert.equal(res.status, 409, "a deleted article must be restored before publishing");
      res = await h.call("POST", "/api/articles/tdel1/restore", { role: "editor", ifMatch: etag });
      assert.equal(res.status, 200);
      assert.equal((await json<{ article: { status: string } }>(res)).article.status, "published");
      assert.equal(await isPublic("tdel1"), true);
      const revs = await json<{ revisions: { revision: number; message: string }[] }>(
        await h.call("GET", "/api/articles/tdel1/revisions", { role: "reader" }),
      );
      assert.deepEqual(
        revs.revisions.map((r) => r.message),
        ["restore", "delete", "create"],
      );
    });

    test("revisions: list, show, diff two, restore one", async () => {
      let etag = await create("rev1");
      let res = await h.call("PATCH", "/api/articles/trev1", {
        role: "writer",
        ifMatch: etag,
        body: {
          headline: "Second headline",
          blocks: [
            { type: "paragraph", text: "Body of story rev1." },
            { type: "paragraph", text: "An added paragraph." },
          ],
        },
      });
      etag = res.headers.get("etag")!;
      res = await h.call("GET", "/api/articles/trev1/revisions/1", { role: "reader" });
      assert.equal((await json<{ article: { headline: string } }>(res)).article.headline, "Story number rev1");
      res = await h.call("GET", "/api/articles/trev1/diff?from=1&to=2", { role: "reader" });
      const diff = await json<{ changes: { path: string; op: string; from?: unknown; to?: unknown }[] }>(res);
      assert.deepEqual(diff.changes, [
        { path: "headline", op: "changed", from: "Story number rev1", to: "Second headline" },
        { path: "blocks[1]", op: "added", to: { type: "paragraph", text: "An added paragraph." } },
      ]);
      assert.equal((await h.call("GET", "/api/articles/trev1/diff?from=1&to=9", { role: "reader" })).status, 404);
      assert.equal((await h.call("GET", "/api/articles/trev1/diff?from=x&to=2", { role: "reader" })).status, 400);

      res = await h.call("POST", "/api/articles/trev1/revisions/1/restore", { role: "editor", ifMatch: etag });
      assert.equal(res.status, 200);
      const restored = await json<{ article: { headline: string; blocks: unknown[] }; revision: number }>(res);
      assert.equal(restored.revision, 3);
      assert.equal(restored.article.headline, "Story number rev1");
      assert.equal(restored.article.blocks.length, 1);
      res = await h.call("GET", "/api/articles/trev1/diff?from=1&to=3", { role: "reader" });
      assert.deepEqual((await json<{ changes: unknown[] }>(res)).changes, [], "revision 3 has revision 1's content");
      assert.equal(
        (await h.call("POST", "/api/articles/trev1/revisions/42/restore", { role: "editor", ifMatch: '"3"' })).status,
        404,
      );
    });

    test("corrections are appended with their time and survive later edits", async () => {
      clock.set("2026-03-02T08:30:00Z");
      let etag = await create("cor1", { status: "published" });
      let res = await h.call("POST", "/api/articles/tcor1/corrections", {
        role: "editor",
        ifMatch: etag,
        body: { text: "An earlier version misspelt the minister's name. <script>alert(1)</script>" },
      });
      assert.equal(res.status, 200);
      etag = res.headers.get("etag")!;
      res = await h.call("PATCH", "/api/articles/tcor1", {
        role: "editor",
        ifMatch: etag,
        body: { headline: "Edited" },
      });
      const art = (await getArticle(t.store, "tcor1"))!.article;
      assert.deepEqual(art.corrections, [
        { text: "An earlier version misspelt the minister's name.", at: "2026-03-02T08:30:00.000Z" },
      ]);
      assert.equal(art.updated, "2026-03-02T08:30:00.000Z");
      res = await h.call("POST", "/api/articles/tcor1/corrections", {
        role: "editor",
        ifMatch: res.headers.get("etag")!,
        body: { text: "  " },
      });
      assert.equal(res.status, 400);
      assert.equal((await json<{ error: { issues: { path: string }[] } }>(res)).error.issues[0].path, "text");
    });

    test("an unknown article is a 404, an existing id on create a 409", async () => {
      assert.equal(
        (await h.call("PATCH", "/api/articles/nope", { role: "editor", ifMatch: '"1"', body: {} })).status,
        404,
      );
      assert.equal((await h.call("GET", "/api/articles/nope", { role: "reader" })).status, 404);
      await create("dup1");
      const again = await h.call("POST", "/api/articles", { role: "editor", body: draftBody("dup1") });
      assert.equal(again.status, 409);
    });
  });
}
