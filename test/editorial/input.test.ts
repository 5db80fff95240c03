import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { getArticle } from "../../src/store/articles.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { type ApiHarness, apiHarness, draftBody, manualClock } from "./support.ts";

type Issues = { error: { message: string; issues?: { path: string; message: string }[] } };

for (const engine of ENGINES) {
  describe(`editorial API input handling on ${engine}`, () => {
    let t: TestStore;
    let h: ApiHarness;
    before(async () => {
      t = await tempStore(engine);
      h = await apiHarness(t.store, { maxBodyBytes: 64 * 1024 });
    });
    after(async () => {
      await t.cleanup();
    });

    test("a bad body is a 400 naming every bad field", async () => {
      const res = await h.call("POST", "/api/articles", {
        role: "writer",
        body: {
          section: "",
          headline: "   ",
          language: "not a language",
          firstPublished: "yesterday",
          blocks: [{ type: "paragraph", text: "" }, { type: "video" }],
          byline: "Ada",
        },
      });
      assert.equal(res.status, 400);
      const body = (await res.json()) as Issues;
      const paths = body.error.issues!.map((i) => i.path).sort();
      assert.deepEqual(paths, [
        "blocks[0].text",
        "blocks[1].type",
        "byline",
        "firstPublished",
        "headline",
        "language",
        "section",
      ]);
      for (const issue of body.error.issues!) assert.ok(issue.message.length > 0);
    });

    test("malformed JSON, a non-object, an empty body and a wrong content type are 4xx, never 500", async () => {
      for (const raw of ["{", "{'a':1}", "[1,2", "nul", "\u0000"]) {
        const res = await h.call("POST", "/api/articles", { role: "writer", raw });
        assert.equal(res.status, 400, raw);
        assert.equal(((await res.json()) as Issues).error.message, "malformed JSON");
      }
      for (const body of [[1, 2], "text", 42, null, true]) {
        const res = await h.call("POST", "/api/articles", { role: "writer", body });
        assert.equal(res.status, 400, JSON.stringify(body));
      }
      assert.equal((await h.call("POST", "/api/articles", { role: "writer", raw: "" })).status, 400);
      const wrongType = await h.call("POST", "/api/articles", {
        role: "writer",
        raw: "headline=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      assert.equal(wrongType.status, 415);
    });

    test("a body over the size limit is a 413", async () => {
      const huge = draftBody("big", { summary: "x".repeat(70 * 1024) });
      const res = await h.call("POST", "/api/articles", { role: "writer", body: huge });
      assert.equal(res.status, 413);
      assert.match(((await res.json()) as Issues).error.message, /larger than/);
      assert.equal(await getArticle(t.store, "tbig"), null);
    });

    test("HTML is sanitized on the way in, in every field", async () => {
      const res = await h.call("POST", "/api/articles", {
        role: "writer",
        body: draftBody("xss1", {
          headline: 'Budget <img src=x onerror="alert(1)">day',
          summary: "<script>alert(1)</script>Tax rises",
          tags: ["<b onmouseover=alert(1)>tax</b>"],
          blocks: [
            {
              type: "paragraph",
              text: "Read more",
              html: '<a href="javascript:alert(1)" onclick="alert(2)">Read</a> <em>more</em><iframe src="https://evil"></iframe>',
            },
            { type: "quote", text: 'It is "fine" & <svg onload=alert(1)>dandy</svg>' },
          ],
        }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      const a = (await getArticle(t.store, "txss1"))!.article;
      assert.equal(a.headline, "Budget day");
      assert.equal(a.summary, "Tax rises");
      assert.deepEqual(a.tags, ["tax"]);
      assert.equal((a.blocks[0] as { html: string }).html, "<a>Read</a> <em>more</em>");
      assert.equal((a.blocks[1] as { text: string }).text, 'It is "fine" &', "svg content is dropped with the svg");
      assert.doesNotMatch(JSON.stringify(a), /onerror|onclick|onload|onmouseover|<script|javascript:/i);
    });

    test("unsafe URLs are refused field by field", async () => {
      const res = await h.call("POST", "/api/articles", {
        role: "writer",
        body: draftBody("url1", {
          sourceUrl: "javascript:alert(1)",
          blocks: [
            { type: "image", src: " JaVaScRiPt:alert(1)" },
            { type: "embed", url: "data:text/html,<script>alert(1)</script>" },
          ],
        }),
      });
      assert.equal(res.status, 400);
      assert.deepEqual(((await res.json()) as Issues).error.issues!.map((i) => i.path).sort(), [
        "blocks[0].src",
        "blocks[1].url",
        "sourceUrl",
      ]);
    });

    test("a __proto__ key stays data", async () => {
      const res = await h.call("POST", "/api/articles", {
        role: "writer",
        raw: JSON.stringify(draftBody("proto1")).replace("{", '{"__proto__":{"status":"published"},'),
      });
      assert.ok(res.status === 201 || res.status === 400, String(res.status));
      assert.notEqual((await getArticle(t.store, "tproto1"))?.article.status, "published");
    });
  });
}

describe("rate limits", () => {
  let t: TestStore;
  before(async () => {
    t = await tempStore("sqlite");
  });
  after(async () => {
    await t.cleanup();
  });

  test("per token: 429 with Retry-After once the burst is spent, allowed again after refill", async () => {
    const clock = manualClock();
    const h = await apiHarness(t.store, {
      clock,
      rateLimits: { perToken: { perMinute: 60, burst: 3 }, perAddress: { perMinute: 6000, burst: 1000 } },
    });
    for (let i = 0; i < 3; i++) assert.equal((await h.call("GET", "/api/audit", { role: "editor" })).status, 200);
    const limited = await h.call("GET", "/api/audit", { role: "editor" });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("retry-after"), "1");
    assert.equal((await h.call("GET", "/api/audit", { role: "admin" })).status, 200, "another token is not limited");
    clock.advance(1000);
    assert.equal((await h.call("GET", "/api/audit", { role: "editor" })).status, 200);
  });

  test("per address: guessing tokens from one address is cut off with 429", async () => {
    const clock = manualClock();
    const h = await apiHarness(t.store, {
      clock,
      clientAddress: (c) => c.req.header("x-test-address") ?? "?",
      rateLimits: { perToken: { perMinute: 6000, burst: 1000 }, perAddress: { perMinute: 30, burst: 5 } },
    });
    const from = (addr: string, token: string) =>
      h.call("GET", "/api/audit", { token, headers: { "x-test-address": addr } });
    for (let i = 0; i < 5; i++) assert.equal((await from("10.0.0.1", `nd_guess${i}`)).status, 401);
    const limited = await from("10.0.0.1", h.tokens.editor);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get("retry-after"), "2");
    assert.equal((await from("10.0.0.2", h.tokens.editor)).status, 200);
  });
});
