import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import type { ArticleInput } from "../../src/model/article.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { NO_RUM_ENV } from "../../src/store/migrations/0050_search_rum.ts";
import { resultCountText, searchArticles } from "../../src/store/search.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

function article(id: string, headline: string, summary: string, body: string[], published: string) {
  const input: ArticleInput = {
    id,
    slug: id,
    section: "Economy",
    headline,
    summary,
    firstPublished: published,
    blocks: body.map((text) => ({ type: "paragraph" as const, text })),
  };
  return { article: input };
}

/**
 * A corpus with a clear ranking for each query: the word in the headline beats the word in the
 * summary, which beats the word once in a long body; and the phrase in order beats the words apart.
 * The weaker matches are newer, so ranking by date alone would get the order wrong.
 */
const FILLER = "The report was published on Tuesday and discussed by analysts across the City.";
const CORPUS = [
  article("tariff-headline", "Steel tariff doubled", "Ministers act on imports.", [FILLER], "2005-01-01T09:00:00Z"),
  article("tariff-summary", "Trade talks resume", "A steel tariff is on the table.", [FILLER], "2005-02-01T09:00:00Z"),
  article(
    "tariff-body",
    "Ports report busy month",
    "Shipping volumes rose.",
    [FILLER, `${FILLER} A tariff was mentioned.`, FILLER],
    "2005-03-01T09:00:00Z",
  ),
  article(
    "pension-phrase",
    "Pension credit reform",
    "The pension credit rises.",
    ["Pension credit claims rose."],
    "2005-01-05T09:00:00Z",
  ),
  article(
    "pension-apart",
    "Credit unions grow",
    "Members pension plans.",
    ["Credit was easy; the pension age rose."],
    "2005-04-05T09:00:00Z",
  ),
  article("unrelated", "Weather turns cold", "Snow fell.", ["Roads were closed."], "2005-05-01T09:00:00Z"),
];

const QUERIES: [string, string[]][] = [
  ["tariff", ["tariff-headline", "tariff-summary", "tariff-body"]],
  ["steel tariff", ["tariff-headline", "tariff-summary"]],
  ['"pension credit"', ["pension-phrase"]],
  ["pension credit", ["pension-phrase", "pension-apart"]],
  ["tariff -steel", ["tariff-body"]],
];

const variants = [
  { name: "sqlite (FTS5)", engine: "sqlite" as const, noRum: false },
  { name: "postgres (RUM where installed)", engine: "postgres" as const, noRum: false },
  { name: "postgres (GIN fallback, NEWSDESK_SEARCH_NO_RUM=1)", engine: "postgres" as const, noRum: true },
];

describe("the same query returns the same top results on every engine", () => {
  const stores = new Map<string, TestStore>();
  before(async () => {
    for (const v of variants) {
      if (v.noRum) process.env[NO_RUM_ENV] = "1";
      try {
        const t = await tempStore(v.engine);
        await saveArticles(t.store, CORPUS);
        stores.set(v.name, t);
      } finally {
        delete process.env[NO_RUM_ENV];
      }
    }
  });
  after(async () => {
    for (const t of stores.values()) await t.cleanup();
  });

  for (const [q, expected] of QUERIES)
    test(`${q}`, async () => {
      for (const v of variants) {
        if (v.noRum) process.env[NO_RUM_ENV] = "1";
        try {
          const r = await searchArticles((stores.get(v.name) as TestStore).store, { q });
          assert.deepEqual(
            r.hits.map((h) => h.id),
            expected,
            v.name,
          );
          assert.deepEqual([r.total, r.totalExact], [expected.length, true], v.name);
        } finally {
          delete process.env[NO_RUM_ENV];
        }
      }
    });

  test("the GIN fallback store has no RUM index; the default store has one where the extension exists", async () => {
    const rumIndexes = async (t: TestStore) =>
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM pg_indexes WHERE indexname = 'articles_search_rum'`.execute(kyselyOf(t.store))
      ).rows[0].n;
    const available = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'rum'`.execute(
        kyselyOf((stores.get(variants[1].name) as TestStore).store),
      )
    ).rows[0].n;
    assert.equal(await rumIndexes(stores.get(variants[2].name) as TestStore), 0);
    assert.equal(await rumIndexes(stores.get(variants[1].name) as TestStore), available > 0 ? 1 : 0);
  });
});

test("a total past the count cap reads as an estimate", () => {
  assert.equal(resultCountText({ total: 1, totalExact: true }), "1 result");
  assert.equal(resultCountText({ total: 734, totalExact: true }), "734 results");
  assert.equal(resultCountText({ total: 12_345, totalExact: false }), "about 12,000 results");
  assert.equal(resultCountText({ total: 1_061, totalExact: false }), "about 1,100 results");
});
