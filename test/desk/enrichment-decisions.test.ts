import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { enqueueArticleJobs } from "../../src/jobs/enqueue.ts";
import { runWorker } from "../../src/jobs/worker.ts";
import type { Article } from "../../src/model/article.ts";
import { seedSampleNewsroom } from "../../src/sample/seed.ts";
import { getArticle, listArticles } from "../../src/store/articles.ts";
import { apiHarness } from "../editorial/support.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

/**
 * A journalist's fixes to enrichment are editorial decisions in their own table, applied after
 * automatic enrichment: a fixed speaker and a removed tag survive re-enrichment (an edit through
 * the API, and the enrichment job run again).
 */
for (const engine of ENGINES) {
  describe(`enrichment decisions survive re-enrichment (${engine})`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
      await seedSampleNewsroom(t.store);
    });
    after(() => t.cleanup());

    test("fix a speaker, remove a tag, add a tag; edit the story and enrich it again", async () => {
      const api = await apiHarness(t.store);
      const ids = (await listArticles(t.store, { limit: 50 })).map((a) => a.id);
      let target: Article | undefined;
      let revision = 0;
      for (const id of ids) {
        const stored = await getArticle(t.store, id);
        if (stored?.article.quotes.some((q) => q.speaker) && stored.article.people.length > 1) {
          target = stored.article;
          revision = stored.revision;
          break;
        }
      }
      assert.ok(target, "a sample article with quotes and people");
      // The quotes as enrichment finds them now (the sample's stored list may predate it).
      const quote = enrichArticle(target).quotes.find((q) => q.speaker)!;
      const removed = target.people.find((p) => p.name !== quote.speaker)!;

      // The sample is published: an editor's call (a writer may fix drafts only, as for edits).
      const put = await api.call("PUT", `/api/articles/${target.id}/enrichment-decisions`, {
        role: "editor",
        ifMatch: `"${revision}"`,
        body: {
          decisions: [
            { kind: "speaker", subject: quote.text, value: "Dana <b>Okafor</b>" },
            { kind: "remove-tag", subject: "person", value: removed.name },
            { kind: "add-tag", subject: "organisation", value: "Wendle Valley Trust" },
          ],
        },
      });
      assert.equal(put.status, 200, await put.clone().text());
      const check = (a: Article, when: string) => {
        assert.equal(a.quotes.find((q) => q.text === quote.text)?.speaker, "Dana Okafor", `${when}: speaker`);
        assert.ok(!a.people.some((p) => p.name === removed.name), `${when}: ${removed.name} removed`);
        assert.ok(
          a.organisations.some((o) => o.name === "Wendle Valley Trust"),
          `${when}: organisation added`,
        );
      };
      const afterPut = (await put.json()) as { article: Article; revision: number };
      check(afterPut.article, "after the decisions");

      // Re-enrichment 1: an edit through the API (every write enriches again).
      const edited = await api.call("PATCH", `/api/articles/${target.id}`, {
        role: "editor",
        ifMatch: `"${afterPut.revision}"`,
        body: { summary: `${target.summary} Updated.` },
      });
      assert.equal(edited.status, 200, await edited.clone().text());
      check(((await edited.json()) as { article: Article }).article, "after an edit");

      // Re-enrichment 2: the enrichment job run again over the stored article.
      await enqueueArticleJobs(t.store, [target.id]);
      await runWorker(t.store, { once: true, pollMs: 10 });
      check((await getArticle(t.store, target.id))!.article, "after the enrichment job");

      const listed = await api.call("GET", `/api/articles/${target.id}/enrichment-decisions`, { role: "writer" });
      const { decisions } = (await listed.json()) as { decisions: { kind: string; value: string }[] };
      assert.deepEqual(
        decisions.map((d) => d.kind),
        ["speaker", "remove-tag", "add-tag"],
      );
      // Hostile markup in a name is sanitized as every article field is.
      assert.equal(decisions[0].value, "Dana Okafor");
    });

    test("merge two people: one entity with both names, the quotes follow; it survives re-enrichment", async () => {
      const api = await apiHarness(t.store);
      const ids = (await listArticles(t.store, { limit: 50 })).map((a) => a.id);
      let target: Article | undefined;
      let speaker = "";
      let into = "";
      for (const id of ids) {
        const stored = await getArticle(t.store, id);
        if (!stored) continue;
        const enriched = enrichArticle(stored.article);
        const said = enriched.quotes.find((q) => q.speaker && enriched.people.some((p) => p.name === q.speaker));
        const other = enriched.people.find((p) => p.name !== said?.speaker);
        if (said && other) {
          target = stored.article;
          speaker = said.speaker!;
          into = other.name;
          break;
        }
      }
      assert.ok(target, "a sample article with a quoted person and another person");
      const current = (await getArticle(t.store, target.id))!;
      const put = await api.call("PUT", `/api/articles/${target.id}/enrichment-decisions`, {
        role: "editor",
        ifMatch: `"${current.revision}"`,
        body: { decisions: [{ kind: "merge", subject: "person", value: into, from: speaker }] },
      });
      assert.equal(put.status, 200, await put.clone().text());
      const check = (a: Article, when: string) => {
        assert.ok(!a.people.some((p) => p.name === speaker), `${when}: ${speaker} is no entity of its own`);
        const kept = a.people.filter((p) => p.name === into);
        assert.equal(kept.length, 1, `${when}: one ${into}`);
        assert.ok(kept[0].aliases.includes(speaker), `${when}: ${speaker} is an alias of ${into}`);
        assert.ok(!a.quotes.some((q) => q.speaker === speaker), `${when}: no quote left with ${speaker}`);
        assert.ok(
          a.quotes.some((q) => q.speaker === into),
          `${when}: ${speaker}'s quotes are ${into}'s`,
        );
      };
      const afterPut = (await put.json()) as { article: Article; revision: number };
      check(afterPut.article, "after the merge");
      const edited = await api.call("PATCH", `/api/articles/${target.id}`, {
        role: "editor",
        ifMatch: `"${afterPut.revision}"`,
        body: { summary: `${target.summary} Merged.` },
      });
      assert.equal(edited.status, 200, await edited.clone().text());
      check(((await edited.json()) as { article: Article }).article, "after an edit");
      await enqueueArticleJobs(t.store, [target.id]);
      await runWorker(t.store, { once: true, pollMs: 10 });
      check((await getArticle(t.store, target.id))!.article, "after the enrichment job");
      const listed = await api.call("GET", `/api/articles/${target.id}/enrichment-decisions`, { role: "writer" });
      const { decisions } = (await listed.json()) as {
        decisions: { kind: string; subject: string; value: string; from?: string }[];
      };
      assert.deepEqual(
        decisions.map(({ kind, subject, value, from }) => ({ kind, subject, value, from })),
        [{ kind: "merge", subject: "person", value: into, from: speaker }],
      );
      // A merge without the entity merged is a 400 naming the field.
      const revision = (await getArticle(t.store, target.id))!.revision;
      const bad = await api.call("PUT", `/api/articles/${target.id}/enrichment-decisions`, {
        role: "editor",
        ifMatch: `"${revision}"`,
        body: { decisions: [{ kind: "merge", subject: "person", value: into }] },
      });
      assert.equal(bad.status, 400);
      const issues = ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues;
      assert.equal(issues[0].path, "decisions[0].from");
    });

    test("a bad decision is a 400 naming the field; a reader token may not decide", async () => {
      const api = await apiHarness(t.store);
      const [first] = await listArticles(t.store, { limit: 1 });
      const stored = (await getArticle(t.store, first.id))!;
      const id = stored.article.id;
      const bad = await api.call("PUT", `/api/articles/${id}/enrichment-decisions`, {
        role: "editor",
        ifMatch: `"${stored.revision}"`,
        body: { decisions: [{ kind: "rename", subject: "person", value: "x" }] },
      });
      assert.equal(bad.status, 400);
      const issues = ((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues;
      assert.equal(issues[0].path, "decisions[0].kind");
      const reader = await api.call("PUT", `/api/articles/${id}/enrichment-decisions`, {
        role: "reader",
        ifMatch: '"1"',
        body: { decisions: [] },
      });
      assert.equal(reader.status, 403);
    });
  });
}
