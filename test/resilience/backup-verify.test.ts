import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { saveArticle } from "../../src/store/articles.ts";
import { runCliAsync } from "../support/cli.ts";
import { type TestStore, tempSqlitePath, tempStore } from "../support/stores.ts";

describe("newsdesk backup --verify", () => {
  let t: TestStore;
  const out = tempSqlitePath();
  before(async () => {
    t = await tempStore("sqlite");
    for (let i = 0; i < 12; i++) {
      await saveArticle(t.store, {
        id: `v${i}`,
        slug: `verified-story-${i}`,
        section: "World",
        headline: `Verified story ${i}`,
        blocks: [{ type: "paragraph", text: `Body ${i}.` }],
      });
    }
  });
  after(async () => {
    await t.cleanup();
    out.cleanup();
  });

  test("restores the backup into a temporary store, runs the full check and says so", async () => {
    const file = join(out.dir, "backup.db");
    const result = await runCliAsync(["backup", "--db", t.location, "--out", file, "--verify"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /backed up .* to /);
    assert.match(result.stdout, /verified .*backup\.db: restored and checked \(12 articles, 12 revisions\)/);
  });
});
