import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { corpusId, corpusPaths, knownDuplicatePairs, readCorpusArticle } from "../../bench/related/corpus.ts";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { listDuplicates } from "../../src/enrich/duplicates/duplicates.ts";
import { pinRelated, relatedFor, relatedTiers } from "../../src/enrich/related/related.ts";
import type { ArticleInput } from "../../src/model/article.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { articlePath } from "../../src/web/urls.ts";
import { ENGINES } from "../support/stores.ts";
import { startTestSite, type TestSite } from "../web/support.ts";

// A background of the first 45 articles of each topic, the DUPLICATES.txt pairs among the first
// 150, and edited copies of a few stories (headline changed, and a paragraph dropped from two): duplicates that
// share nearly every name and term with their original, so any candidate source would propose them.
const BACKGROUND = corpusPaths().filter((p) => Number(p.split("/")[1].slice(0, 3)) <= 45);
const DUPS = knownDuplicatePairs()
  .filter(([a, b]) => Number(a.split("/")[1].slice(0, 3)) <= 150 && Number(b.split("/")[1].slice(0, 3)) <= 150)
  .slice(0, 6)
  .flat();
const EDITED = ["sport/016.txt", "business/003.txt", "politics/001.txt"];

function editedCopy(path: string): ArticleInput {
  const a = readCorpusArticle(path);
  return {
    ...a,
    id: `${a.id}-copy`,
    slug: `${a.slug}-copy`,
    headline: `Update: ${a.headline}`,
    blocks: path.startsWith("sport") ? a.blocks : (a.blocks ?? []).filter((_, i) => i !== 2),
  };
}

const pageSection = (html: string, title: string) =>
  new RegExp(
    `<section class="story-links related-stories"[^>]*>(?:(?!</section>).)*${title}(?:(?!</section>).)*</section>`,
    "s",
  ).exec(html)?.[0];

for (const engine of ENGINES) {
  describe(`related-story tiers on ${engine}`, () => {
    let site: TestSite;
    let ids: string[];
    before(async () => {
      site = await startTestSite(engine, { sample: false });
      const articles = [...new Set([...BACKGROUND, ...DUPS, ...EDITED])].map((p) => readCorpusArticle(p));
      articles.push(...EDITED.map(editedCopy));
      ids = articles.map((a) => a.id);
      for (let i = 0; i < articles.length; i += 100) {
        const part = articles.slice(i, i + 100);
        await saveArticles(
          site.store,
          part.map((article) => ({ article })),
        );
        await afterArticlesStored(
          site.store,
          part.map((a) => a.id),
        );
      }
    });
    after(async () => {
      await site.close();
    });

    test("a duplicate never appears as a related story, in either tier", async () => {
      const dups = await listDuplicates(site.store);
      const dupOf = new Map<string, Set<string>>();
      for (const d of dups) {
        dupOf.set(d.first.id, (dupOf.get(d.first.id) ?? new Set()).add(d.second.id));
        dupOf.set(d.second.id, (dupOf.get(d.second.id) ?? new Set()).add(d.first.id));
      }
      for (const e of EDITED) assert.ok(dupOf.get(corpusId(e))?.has(`${corpusId(e)}-copy`), `${e}: copy found`);
      let checked = 0;
      for (const id of ids) {
        const { first, second } = await relatedTiers(site.store, id);
        const shown = [...first, ...(second?.stories ?? [])].map((s) => s.id);
        const own = dupOf.get(id) ?? new Set();
        for (const s of shown) assert.ok(!own.has(s), `${s} is a duplicate of ${id} and was shown`);
        // Two copies of one story are never shown side by side either.
        for (const s of shown)
          for (const other of dupOf.get(s) ?? [])
            assert.ok(!shown.includes(other), `${s} and ${other} both shown for ${id}`);
        assert.equal(new Set(shown).size, shown.length, `${id}: a story shown twice`);
        checked += shown.length;
      }
      assert.ok(checked > ids.length, `only ${checked} related stories shown in all`);
    });

    test("the second tier appears when the first is empty, on the article page too", async () => {
      let empty = 0;
      let withSecond: { id: string; title: string } | undefined;
      for (const id of ids) {
        const { first, second } = await relatedTiers(site.store, id);
        if (first.length > 0) continue;
        empty++;
        if (!second) continue;
        assert.match(second.title, /^More from \S+ on \S/);
        const [article] = await site.store.related.sources([id]);
        for (const s of second.stories) {
          assert.equal(s.sectionSlug, article.sectionSlug, `${s.id} is in another section`);
          assert.notEqual(s.id, id);
        }
        withSecond ??= { id, title: second.title };
      }
      assert.ok(empty > 0, "some article has an empty first tier");
      assert.ok(withSecond, "a second tier appears for an article whose first tier is empty");
      const a = readCorpusArticle(corpusPaths().find((p) => corpusId(p) === withSecond?.id) ?? "");
      const res = await site.get(articlePath({ sectionSlug: a.section, slug: a.slug }));
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.ok(
        pageSection(html, withSecond.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
        `page shows "${withSecond.title}"`,
      );
      assert.ok(!html.includes("More on this story"), "no empty first tier on the page");
    });

    test("an editor's pin is kept first, and the second tier still fills the page", async () => {
      const { first } = await relatedTiers(site.store, ids[0]);
      const target = (
        await Promise.all(ids.map(async (id) => ({ id, n: (await relatedFor(site.store, id)).length })))
      ).find((x) => x.n === 0)?.id;
      assert.ok(target, "an article with no computed related story");
      const other = ids.find((id) => id !== target && !first.some((f) => f.id === id)) ?? "";
      await pinRelated(site.store, target, other);
      await afterArticlesStored(site.store, [target, other]);
      const tiers = await relatedTiers(site.store, target);
      assert.equal(tiers.first[0]?.id, other, "the pin is shown first");
      assert.ok(tiers.first[0]?.pinned);
      assert.ok(!tiers.second?.stories.some((s) => s.id === other), "the pin is not repeated in the second tier");
    });
  });
}
