import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { enqueueArticleJobs } from "../../src/jobs/enqueue.ts";
import { listJobs } from "../../src/jobs/queue.ts";
import { documentHash, getArticle, getRevision, listRevisions, saveArticle } from "../../src/store/articles.ts";
import { waitFor } from "../postgres/support.ts";
import { spawnCli } from "../support/cli.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

const ids = ["k1", "k2", "k3"];

describe("a worker killed in the middle of a job (PostgreSQL)", () => {
  let t: TestStore;
  before(async () => {
    t = await tempStore("postgres");
    for (const [i, id] of ids.entries()) {
      await saveArticle(t.store, {
        id,
        slug: `council-vote-${i}`,
        section: "Politics",
        headline: `Council vote number ${i}`,
        firstPublished: `2026-02-0${i + 1}T10:00:00Z`,
        blocks: [
          {
            type: "paragraph",
            text: `Mayor Ada Quill said the council would vote on Tuesday. "We will build the bridge," Ms Quill told reporters in Quillhaven.`,
          },
        ],
      });
    }
    await enqueueArticleJobs(t.store, ids);
  });
  after(async () => {
    await t.cleanup();
  });

  test("its job is taken over by another worker and finished; nothing lost, nothing done twice", async () => {
    // Worker A holds each job after claiming it, so it is surely mid-job when killed.
    const a = spawnCli(["worker", "--db", t.location, "--lease", "1", "--batch", "1"], {
      NEWSDESK_JOB_HOLD_MS: "600000",
    });
    const held = await waitFor("worker A to hold a job", async () => {
      const running = await listJobs(t.store, { state: "running" });
      return running.length === 1 ? running[0] : undefined;
    });
    assert.equal(held.kind, "enrich");
    a.child.kill("SIGKILL");
    assert.equal(await a.exited, null, "killed by a signal");

    const b = spawnCli(["worker", "--db", t.location, "--lease", "1", "--once"]);
    assert.equal(await b.exited, 0, b.output());
    assert.match(b.output(), /\b6 done\b/, "B finished the 3 enrich and 3 related jobs");

    const jobs = await listJobs(t.store);
    assert.equal(jobs.length, 6);
    for (const job of jobs) {
      assert.equal(job.state, "done", `${job.kind} ${job.articleId}`);
      assert.equal(job.completions, 1, `${job.kind} ${job.articleId} completed exactly once`);
    }
    const taken = jobs.find((j) => j.id === held.id);
    assert.equal(taken?.attempts, 2, "the killed attempt counts, and one more finished it");
    assert.deepEqual(
      jobs
        .filter((j) => j.kind === "enrich")
        .map((j) => j.articleId)
        .sort(),
      ids,
    );

    for (const id of ids) {
      const stored = (await getArticle(t.store, id))!;
      const revisions = await listRevisions(t.store, id);
      const original = stored.article;
      // Enriched exactly once: at most one revision after the import, and enriching again changes nothing.
      assert.ok(revisions.length <= 2, `${id} has ${revisions.length} revisions`);
      assert.equal(documentHash(enrichArticle(original)), documentHash(original), `${id} is fully enriched`);
      const imported = (await getRevision(t.store, id, 1))!;
      const enrichmentChanges = documentHash(enrichArticle(imported)) !== documentHash(imported);
      assert.equal(revisions.length, enrichmentChanges ? 2 : 1, `${id}: one enrichment revision when it adds anything`);
      if (revisions.length === 2) assert.equal(revisions[0].author, "enrich");
    }
  });
});
