import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { claimJobs, enqueueJobs, failJob, listJobs } from "../../src/jobs/queue.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { spawnCli } from "../support/cli.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

async function cli(args: string[]): Promise<string> {
  const run = spawnCli(args);
  assert.equal(await run.exited, 0, run.output());
  return run.output();
}

describe("newsdesk jobs", () => {
  let t: TestStore;
  before(async () => {
    t = await tempStore("sqlite");
    await enqueueJobs(t.store, [{ kind: "enrich", articleId: "gone" }], { maxAttempts: 1 });
    await enqueueJobs(t.store, [{ kind: "related", articleId: "waiting" }]);
    const [job] = await claimJobs(t.store, "w", 1, 60_000, ["enrich"]);
    await failJob(t.store, job, "w", "entity model missing");
  });
  after(async () => {
    await t.cleanup();
  });

  test("shows counts by kind and state, parked jobs with their error, and retries them", async () => {
    const counts = JSON.parse(await cli(["jobs", "counts", "--json", "--db", t.location]));
    assert.equal(counts.enrich.parked, 1);
    assert.equal(counts.related.queued, 1);
    const parked = await cli(["jobs", "list", "--state", "parked", "--db", t.location]);
    assert.match(parked, /enrich\tgone\tparked\tattempts 1\/1\tdone 0 {2}entity model missing/);
    assert.doesNotMatch(parked, /waiting/);
    assert.match(await cli(["jobs", "retry", "--db", t.location]), /^1 parked job queued again$/m);
    const [again] = await listJobs(t.store, { kind: "enrich" });
    assert.equal(again.state, "retry");
    assert.equal(again.attempts, 0);
  });

  test("queues enrichment for stored articles that never had it", async () => {
    await saveArticle(t.store, { id: "n1", slug: "n1", section: "News", headline: "Not yet enriched" });
    assert.match(await cli(["jobs", "enqueue", "--db", t.location]), /^1 article queued for enrichment$/m);
    assert.match(await cli(["jobs", "enqueue", "--db", t.location]), /^0 articles queued/m, "only once");
    assert.equal((await listJobs(t.store, { kind: "enrich" })).filter((j) => j.articleId === "n1").length, 1);
  });
});
