import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sanitizeArticleInput } from "../../src/editorial/sanitize-input.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 10: deeply nested JSON in a body is a 400 naming the reason, never a 500.
describe("deeply nested JSON bodies", () => {
  let s: HostileSite;
  before(async () => {
    s = await startHostileSite("sqlite");
    assert.equal((await s.call("POST", "/api/articles", { role: "writer", body: story("deep1") })).status, 201);
  });
  after(() => s.close());

  const deep = (n: number, open = "[", close = "]") => `{"summary":${open.repeat(n)}1${close.repeat(n)}}`;

  for (const [name, body] of [
    ["arrays", deep(100_000)],
    ["objects", deep(100_000, '{"a":', "}")],
  ] as const) {
    test(`100,000 levels of ${name}: POST and PATCH answer 400`, async () => {
      const post = await s.call("POST", "/api/articles", { role: "writer", raw: body });
      assert.equal(post.status, 400, await post.clone().text());
      assert.match(((await post.json()) as { error: { message: string } }).error.message, /nested/);
      const patch = await s.call("PATCH", "/api/articles/deep1", { role: "writer", raw: body, ifMatch: '"1"' });
      assert.equal(patch.status, 400);
    });
  }

  test("the sanitizer refuses depth itself, whoever calls it", () => {
    let value: unknown = "x";
    for (let i = 0; i < 20_000; i++) value = [value];
    const { issues } = sanitizeArticleInput({ summary: value });
    assert.match(issues[0].message, /nested more than/);
  });
});
