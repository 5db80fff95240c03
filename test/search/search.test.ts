import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import type { ArticleInput } from "../../src/model/article.ts";
import { saveArticles } from "../../src/store/articles.ts";
import {
  fts5Expression,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
  SearchQueryError,
  searchArticles,
} from "../../src/store/search.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

function article(
  id: string,
  headline: string,
  body: string[],
  extra: Partial<ArticleInput> = {},
): { article: ArticleInput } {
  return {
    article: {
      id,
      slug: id,
      section: "Business",
      headline,
      firstPublished: "2005-02-10T09:00:00Z",
      blocks: body.map((text) => ({ type: "paragraph" as const, text })),
      ...extra,
    },
  };
}

const ARTICLES = [
  article("headline-hit", "Glazer raises offer for club", ["The board will meet on Monday to consider the proposal."]),
  article("body-hit", "Football shares rise", [
    "Shares rose after Malcolm Glazer was said to be preparing a new offer.",
    "Analysts said the move was expected.",
  ]),
  article("rates", "Bank holds interest rates", ["The Bank of England left interest rates on hold at 4.75%."], {
    section: "Economy",
    firstPublished: "2005-03-03T12:00:00Z",
  }),
  // The headline must not end with "interest": PostgreSQL's concatenated tsvector joins it to the body's first word.
  article("rates-split", "Rates and interest news", ["Rates of pay rose; interest in the scheme fell."], {
    section: "Economy",
    firstPublished: "2005-01-15T12:00:00Z",
  }),
  article("tagged", "Minister outlines plan", ["The minister said interest rates were a matter for the Bank."], {
    section: "Politics",
    firstPublished: "2005-04-01T08:00:00Z",
    people: [{ name: "Gordon Brown", aliases: [] }],
  }),
  article("markup", "Script <tags> in copy", ['A story about <script>alert("x")</script> injection & escaping.'], {
    section: "Tech",
  }),
  article("draft", "Glazer draft story", ["Glazer draft text."], { status: "draft" }),
  ...Array.from({ length: 25 }, (_, i) =>
    article(
      `page-${String(i).padStart(2, "0")}`,
      `Weather report ${i}`,
      [`Rain and wind across the region, day ${i}.`],
      {
        section: "Weather",
      },
    ),
  ),
];

describe("search query parser", () => {
  test("reads terms, quoted phrases and exclusions as plain words", () => {
    assert.deepEqual(parseSearchQuery('glazer "man utd" -shares'), {
      include: [["glazer"], ["man", "utd"]],
      exclude: [["shares"]],
    });
    assert.deepEqual(parseSearchQuery("e-mail “smart quotes”").include, [
      ["e", "mail"],
      ["smart", "quotes"],
    ]);
  });

  test("turns engine syntax into quoted words, never operators", () => {
    const expr = fts5Expression(parseSearchQuery('NEAR(a b) AND headline:glazer* ^start OR "x" NOT y'));
    assert.equal(
      expr,
      '("near a" AND "b" AND "and" AND "headline glazer" AND "start" AND "or" AND "x" AND "not" AND "y")',
    );
  });

  test("rejects what the user must fix with a clear message", () => {
    const cases: [string, RegExp][] = [
      ["", /empty/],
      ["   ", /empty/],
      ['"', /unbalanced quote/],
      ['glazer "man utd', /unbalanced quote/],
      ["-shares -rates", /only excludes/],
      ["*** ^^^ ::", /empty/],
      ["x".repeat(10_000), /too long: 10000 characters/],
      [Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "), /too many words/],
    ];
    for (const [q, message] of cases) {
      assert.throws(
        () => parseSearchQuery(q),
        (e: unknown) => e instanceof SearchQueryError && message.test(e.message),
        JSON.stringify(q.slice(0, 40)),
      );
    }
    assert.ok("x".repeat(MAX_QUERY_LENGTH).length === MAX_QUERY_LENGTH);
    assert.doesNotThrow(() => parseSearchQuery("x".repeat(MAX_QUERY_LENGTH)));
  });
});

for (const engine of ENGINES) {
  describe(`search on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
      await saveArticles(t.store, ARTICLES);
    });
    after(async () => {
      await t.cleanup();
    });

    test("ranks a headline match above a body-only match, and skips unpublished articles", async () => {
      const r = await searchArticles(t.store, { q: "glazer" });
      assert.deepEqual(
        r.hits.map((h) => h.id),
        ["headline-hit", "body-hit"],
      );
      assert.equal(r.total, 2);
      assert.ok(r.hits[0].score > r.hits[1].score);
    });

    test("a phrase matches only the words in order; exclusions remove matches", async () => {
      const phrase = await searchArticles(t.store, { q: '"interest rates"' });
      assert.deepEqual(phrase.hits.map((h) => h.id).sort(), ["rates", "tagged"]);
      const words = await searchArticles(t.store, { q: "interest rates" });
      assert.ok(words.hits.some((h) => h.id === "rates-split"));
      const excluded = await searchArticles(t.store, { q: "interest rates -minister" });
      assert.ok(!excluded.hits.some((h) => h.id === "tagged"));
      assert.ok(excluded.hits.some((h) => h.id === "rates"));
    });

    test("filters by section, tag and date range", async () => {
      const ids = async (q: Parameters<typeof searchArticles>[1]) =>
        (await searchArticles(t.store, q)).hits.map((h) => h.id).sort();
      assert.deepEqual(await ids({ q: "interest", section: "Economy" }), ["rates", "rates-split"]);
      assert.deepEqual(await ids({ q: "interest", tag: "gordon-brown" }), ["tagged"]);
      assert.deepEqual(await ids({ q: "interest", tag: "Gordon Brown", tagKind: "person" }), ["tagged"]);
      assert.deepEqual(await ids({ q: "interest", tag: "gordon-brown", tagKind: "place" }), []);
      assert.deepEqual(await ids({ q: "interest", from: "2005-03-01", to: "2005-03-03" }), ["rates"]);
      assert.deepEqual(await ids({ q: "interest", to: "2005-02-01" }), ["rates-split"]);
    });

    test("snippets mark matches and escape the article's own markup", async () => {
      const [hit] = (await searchArticles(t.store, { q: "injection" })).hits;
      assert.match(hit.snippet, /<mark>injection<\/mark>/);
      assert.ok(!hit.snippet.includes("<script>"), hit.snippet);
      assert.match(hit.snippet, /&amp;|&lt;|escaping/);
      const [rates] = (await searchArticles(t.store, { q: "england" })).hits;
      assert.match(rates.snippet, /<mark>England<\/mark>/);
    });

    test("pages through results without overlap", async () => {
      const first = await searchArticles(t.store, { q: "weather", limit: 10 });
      const second = await searchArticles(t.store, { q: "weather", limit: 10, offset: 10 });
      const last = await searchArticles(t.store, { q: "weather", limit: 10, offset: 20 });
      assert.equal(first.total, 25);
      assert.equal(first.hits.length, 10);
      assert.equal(last.hits.length, 5);
      const all = [...first.hits, ...second.hits, ...last.hits].map((h) => h.id);
      assert.equal(new Set(all).size, 25);
      // Past the end: no hits, but the total is still the whole count.
      const past = await searchArticles(t.store, { q: "weather", limit: 10, offset: 30 });
      assert.deepEqual([past.total, past.hits.length], [25, 0]);
      assert.deepEqual(await searchArticles(t.store, { q: "nosuchwordanywhere" }), {
        total: 0,
        totalExact: true,
        hits: [],
      });
    });

    test("bad options are SearchQueryErrors", async () => {
      for (const q of [
        { q: "x", from: "yesterday" },
        { q: "x", from: "2005-03-02", to: "2005-03-01" },
        { q: "x", limit: 0 },
        { q: "x", limit: 1000 },
        { q: "x", offset: -1 },
        { q: "x", tagKind: "animal" as "place" },
      ]) {
        await assert.rejects(searchArticles(t.store, q), SearchQueryError, JSON.stringify(q));
      }
    });

    test("hostile queries give a clear error or safe results, never an engine error", async () => {
      const hostile = [
        'NEAR("glazer" "offer", 2)',
        "glazer AND OR NOT",
        "headline:glazer",
        "{headline summary}: glazer",
        "glaz*",
        "^glazer",
        "glazer + offer",
        "'; DROP TABLE articles; --",
        '\\"glazer\\"',
        '"glazer" "',
        "-",
        "--glazer",
        "\u0000glazer\u0001",
        "(((((glazer",
        "glazer)",
        "x".repeat(10_000),
        "",
        "ÄÖÜ Ωmega 日本語 ﷽ 🙂",
        "the and or",
      ];
      for (const q of hostile) {
        try {
          const r = await searchArticles(t.store, { q });
          assert.ok(Array.isArray(r.hits));
        } catch (e) {
          assert.ok(e instanceof SearchQueryError, `${JSON.stringify(q.slice(0, 40))}: ${(e as Error).message}`);
        }
      }
      assert.equal((await searchArticles(t.store, { q: "headline:glazer" })).total, 0, "no column filter");
      assert.equal((await searchArticles(t.store, { q: "glaz*" })).total, 0, "no prefix query");
    });

    test("any string: a result or a SearchQueryError", async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 80, unit: "binary" }), async (q) => {
          try {
            await searchArticles(t.store, { q, limit: 3 });
          } catch (e) {
            if (!(e instanceof SearchQueryError)) throw e;
          }
        }),
        { numRuns: 150 },
      );
    });
  });
}
