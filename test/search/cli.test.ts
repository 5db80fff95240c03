import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { runCli } from "../support/cli.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

const newsdesk = (args: string[]) => runCli(args);

const story = (id: string, headline: string, text: string) => ({
  article: {
    id,
    slug: id,
    section: "Business",
    headline,
    firstPublished: "2005-02-01T09:00:00Z",
    blocks: [{ type: "paragraph", text }],
  },
});

for (const engine of ENGINES) {
  describe(`search, related and duplicates commands on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
      await saveArticles(t.store, [
        story(
          "lse-1",
          "Deutsche Boerse bids for the LSE",
          "Deutsche Boerse has made an offer for the London Stock Exchange.",
        ),
        story(
          "lse-2",
          "Euronext weighs a rival LSE bid",
          "Euronext may counter the Deutsche Boerse offer for the London Stock Exchange.",
        ),
        story("wine", "Vineyards enjoy a warm summer", "Growers expect an early harvest after a warm summer."),
      ]);
      await afterArticlesStored(t.store, ["lse-1", "lse-2", "wine"]);
    });
    after(async () => {
      await t.cleanup();
    });

    test("search prints ranked results, or JSON", () => {
      const text = newsdesk(["search", "LSE bid", "--db", t.location]);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^2 results/);
      const json = newsdesk(["search", '"stock exchange" -euronext', "--json", "--db", t.location]);
      const parsed = JSON.parse(json.stdout) as { total: number; hits: { id: string; snippet: string }[] };
      assert.deepEqual(
        parsed.hits.map((h) => h.id),
        ["lse-1"],
      );
      assert.match(parsed.hits[0].snippet, /<mark>/);
    });

    test("a bad query is one line on stderr and exit code 2", () => {
      for (const q of ['"unbalanced', "", "x".repeat(10_000)]) {
        const r = newsdesk(["search", q, "--db", t.location]);
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
        assert.match(r.stderr, /^newsdesk: search: /);
      }
      const date = newsdesk(["search", "lse", "--from", "soon", "--db", t.location]);
      assert.equal(date.code, 2);
      assert.match(date.stderr, /from must be a date/);
    });

    test("related shows, pins and excludes; duplicates lists pairs", () => {
      const pinned = newsdesk(["related", "lse-1", "--pin", "wine", "--json", "--db", t.location]);
      assert.equal(pinned.code, 0, pinned.stderr);
      const list = (JSON.parse(pinned.stdout) as { related: { id: string; pinned: boolean }[] }).related;
      assert.equal(list[0].id, "wine");
      assert.equal(list[0].pinned, true);
      const excluded = newsdesk(["related", "lse-1", "--exclude", "wine", "--json", "--db", t.location]);
      const after = (JSON.parse(excluded.stdout) as { related: { id: string }[] }).related;
      assert.ok(!after.some((r) => r.id === "wine"));
      const missing = newsdesk(["related", "no-such", "--db", t.location]);
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /no article with id or slug no-such/);
      const dups = newsdesk(["duplicates", "--json", "--db", t.location]);
      assert.equal(dups.code, 0, dups.stderr);
      assert.deepEqual(JSON.parse(dups.stdout), []);
    });
  });
}
