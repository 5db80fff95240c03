import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { getArticle } from "../../src/store/articles.ts";
import { type TestStore, tempSqlitePath, tempStore } from "../support/stores.ts";

/** A JSON Lines restore is stored as written: its markup and URLs must be cleaned like the API's. */
let t: TestStore;
const tmp = tempSqlitePath();
before(async () => {
  t = await tempStore("sqlite");
});
after(async () => {
  await t.cleanup();
  tmp.cleanup();
});

const line = (id: string, blocks: unknown[]) =>
  JSON.stringify({ id, slug: id, section: "World", headline: `Restored ${id}`, status: "published", blocks });

test("a JSON Lines restore cannot smuggle in markup or javascript: URLs", async () => {
  const good = join(tmp.dir, "good.jsonl");
  writeFileSync(
    good,
    `${line("r1", [{ type: "paragraph", text: "Keep <this> text as written", html: 'Hi <img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a>' }])}\n`,
  );
  const bad = join(tmp.dir, "bad.jsonl");
  writeFileSync(bad, `${line("r2", [{ type: "image", src: "javascript:alert(3)" }])}\n`);
  const result = await importInputs(t.store, [good, bad]);
  assert.equal(result.imported, 1);
  const stored = (await getArticle(t.store, "r1"))!.article.blocks[0] as { text: string; html: string };
  assert.equal(stored.text, "Keep <this> text as written", "plain text is kept exactly (it is escaped when shown)");
  assert.doesNotMatch(stored.html, /onerror|javascript:|<img/);
  assert.equal(result.failed.length, 1);
  assert.match(result.failed[0].reason, /blocks\[0\]\.src/);
  assert.equal(await getArticle(t.store, "r2"), null);
});
