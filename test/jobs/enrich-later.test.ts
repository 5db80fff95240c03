import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { countJobs } from "../../src/jobs/queue.ts";
import { runWorker } from "../../src/jobs/worker.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { getArticle, listRevisions } from "../../src/store/articles.ts";
import { createApp } from "../../src/web/app.ts";
import { repoRoot } from "../support/cli.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

const file = join(repoRoot, "../shared/data/bbc-news-2005/politics/001.txt");

describe("on PostgreSQL an import returns once stored, and workers enrich it", () => {
  let t: TestStore;
  before(async () => {
    t = await tempStore("postgres");
  });
  after(async () => {
    await t.cleanup();
  });

  test("the article is stored plain with jobs queued; the site shows it enriched once the jobs are done", async () => {
    const result = await importInputs(t.store, [file], { defaultSection: "Politics" });
    assert.equal(result.imported, 1);
    const [id] = result.ids;
    const plain = (await getArticle(t.store, id))!;
    assert.deepEqual(plain.article.people, [], "not enriched inline");
    assert.equal((await countJobs(t.store)).enrich.queued, 1);

    const { app } = createApp({ store: t.store, baseUrl: "https://news.example.test" });
    const path = `/news/${sectionSlug(plain.article.section)}/${plain.article.slug}`;
    const before = await (await app.request(path)).text();
    assert.doesNotMatch(before, /Topics in this story/);

    const stats = await runWorker(t.store, { once: true, pollMs: 20 });
    assert.equal(stats.done, 2, "one enrich and one related job");
    const enriched = (await getArticle(t.store, id))!;
    assert.ok(enriched.article.people.length > 0, "people found by enrichment");
    assert.deepEqual(
      (await listRevisions(t.store, id)).map((r) => r.author),
      ["enrich", "import"],
    );
    const afterJobs = await (await app.request(path)).text();
    assert.match(afterJobs, /Topics in this story/);
    assert.ok(afterJobs.includes(enriched.article.people[0].name.replace(/'/g, "&#39;")));
  });
});
