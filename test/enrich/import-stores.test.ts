import assert from "node:assert/strict";
import { test } from "node:test";
import { entityTag } from "../../src/model/article.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { runCliOk } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const REFERENCE = new URL("../../../shared/seed/reference-article.txt", import.meta.url).pathname;

test("import stores enrichment: entity and quote rows for the reference article", async () => {
  const tmp = tempSqlitePath();
  try {
    runCliOk(["import", REFERENCE, "--db", tmp.path]);
    const store = await openStore(tmp.path);
    try {
      const people = await kyselyOf(store)
        .selectFrom("article_entities")
        .selectAll()
        .where("kind", "=", "person")
        .execute();
      const cameron = people.find((p) => p.tag === entityTag("David Cameron"));
      assert.ok(cameron, "David Cameron has a person row");
      assert.ok((JSON.parse(cameron.aliases) as string[]).includes("Mr Cameron"));
      const quotes = await kyselyOf(store).selectFrom("article_quotes").selectAll().execute();
      const direct = quotes.filter((q) => q.type === "direct");
      assert.equal(direct.length, 19);
      assert.equal(direct.filter((q) => q.speaker_tag === "david-cameron").length, 12);
    } finally {
      await store.close();
    }
  } finally {
    tmp.cleanup();
  }
});

test("extract prints enriched articles", () => {
  const out = runCliOk(["extract", REFERENCE]);
  const article = JSON.parse(out.trim().split("\n")[0]) as { people: { name: string }[]; quotes: unknown[] };
  assert.ok(article.people.some((p) => p.name === "Vladimir Putin"));
  assert.ok(article.quotes.length >= 19);
});
