import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { kyselyOf } from "../../src/store/db.ts";
import { ENGINES } from "../support/stores.ts";
import { startTestSite, type TestSite } from "./support.ts";

interface Hit {
  id: string;
  sectionSlug: string;
  firstPublished: string | null;
  snippet: string;
  url: string;
}
interface Body {
  total: number;
  page: number;
  items: Hit[];
}

// Unbalanced quotes, nothing to find, only exclusions, too long, too many words, impossible dates.
const REFUSED = [
  "q=%22harbour",
  "q=",
  "q=-harbour",
  `q=${"a".repeat(501)}`,
  `q=${encodeURIComponent(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "))}`,
  "q=harbour&from=2026-13-45",
  "q=harbour&from=2026-03-02&to=2026-03-01",
];
// Engine syntax and injection attempts are only words to us: answered, never an error.
const JUST_WORDS = [
  "NEAR(harbour council)",
  "harbour*",
  "headline:harbour",
  "^harbour",
  "harbour AND OR NOT",
  "'; DROP TABLE articles; --",
  "<script>alert(1)</script>",
  "harbour \\ ) ( } {",
];

for (const engine of ENGINES) {
  describe(`search over HTTP on ${engine}`, () => {
    let site: TestSite;
    const api = async (query: string) => {
      const res = await site.get(`/api/search?${query}`);
      assert.equal(res.status, 200, query);
      return (await res.json()) as Body;
    };
    before(async () => {
      site = await startTestSite(engine);
    });
    after(async () => {
      await site.close();
    });

    test("GET /api/search: highlighted snippets, pages, and section, tag and date filters", async () => {
      const all = await api("q=harbour&limit=100");
      assert.ok(all.total >= 4, `${all.total} hits`);
      for (const hit of all.items) assert.match(hit.snippet, /<mark>harbour<\/mark>/i, hit.id);

      const first = await api("q=harbour&limit=2&page=1");
      const second = await api("q=harbour&limit=2&page=2");
      assert.equal(first.total, all.total);
      assert.deepEqual(
        [...first.items, ...second.items].map((h) => h.id),
        all.items.slice(0, 4).map((h) => h.id),
        "pages follow each other in rank order",
      );

      const politics = await api("q=harbour&section=politics&limit=100");
      assert.ok(politics.total > 0 && politics.total < all.total);
      assert.ok(politics.items.every((h) => h.sectionSlug === "politics"));

      const tagged = await api("q=harbour&tag=maren-ashby&tagKind=person&limit=100");
      assert.ok(tagged.total > 0 && tagged.total < all.total);
      const withTag = await kyselyOf(site.store)
        .selectFrom("article_entities")
        .select("article_id")
        .where("tag", "=", "maren-ashby")
        .execute();
      const ids = new Set(withTag.map((r) => r.article_id));
      assert.ok(tagged.items.every((h) => ids.has(h.id)));

      const dates = all.items.map((h) => h.firstPublished?.slice(0, 10) ?? "").sort();
      const day = dates[0];
      const oneDay = await api(`q=harbour&from=${day}&to=${day}&limit=100`);
      assert.ok(oneDay.total > 0 && oneDay.total <= dates.filter((d) => d === day).length);
      assert.ok(oneDay.items.every((h) => h.firstPublished?.startsWith(day)));
    });

    test("hostile queries are 400s with a reason, or plain words; never a 500", async () => {
      for (const query of REFUSED) {
        const res = await site.get(`/api/search?${query}`);
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as { error: { message: string } };
        assert.ok(body.error.message.length > 0);
        const page = await site.get(`/search?${query}`);
        if (query === "q=") assert.equal(page.status, 200, "an empty search page is just the form");
        else {
          assert.equal(page.status, 400, `page ${query}`);
          assert.match(await page.text(), /<p class="notice" role="alert">/);
        }
      }
      for (const q of JUST_WORDS) {
        const query = `q=${encodeURIComponent(q)}`;
        const res = await site.get(`/api/search?${query}`);
        assert.equal(res.status, 200, q);
        const page = await site.get(`/search?${query}`);
        assert.equal(page.status, 200, q);
        assert.doesNotMatch(await page.text(), /<script>alert/);
      }
      assert.equal((await site.get(`/api/search?q=${encodeURIComponent("harbour\u0000")}`)).status < 500, true);
    });

    test("the search page filters by section and dates, and its pages keep the filters", async () => {
      const html = await (await site.get("/search?q=harbour&section=politics")).text();
      assert.match(html, /<option value="politics" selected="">Politics<\/option>/);
      const results = /<ol class="search-results">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
      assert.match(results, /<mark>/i);
      const links = [...results.matchAll(/<h3 class="story-headline"><a href="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(links.length > 0);
      assert.ok(links.every((l) => l.startsWith("/news/politics/")));
      // Pager links carry the filters (only shown when there is more than one page).
      const many = await (await site.get("/search?q=the&section=politics")).text();
      const next = /<a href="([^"]+)" rel="next">/.exec(many)?.[1];
      if (next) assert.match(next.replaceAll("&amp;", "&"), /[?&]section=politics(&|$)/);
      const dated = await site.get("/search?q=harbour&from=last-week");
      assert.equal(dated.status, 400);
    });
  });
}
