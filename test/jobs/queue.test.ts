import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { registerJobHandler } from "../../src/jobs/handlers.ts";
import {
  backoffDelay,
  claimJobs,
  completeJob,
  countJobs,
  enqueueJobs,
  failJob,
  listJobs,
  retryParkedJobs,
} from "../../src/jobs/queue.ts";
import { runWorker } from "../../src/jobs/worker.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

const fast = { baseMs: 10, maxMs: 20 };

for (const engine of ENGINES) {
  describe(`job queue on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
    });
    after(async () => {
      await t.cleanup();
    });

    test("a job waiting for an article is not queued twice", async () => {
      assert.equal(await enqueueJobs(t.store, [{ kind: "dedupe", articleId: "x1" }]), 1);
      assert.equal(await enqueueJobs(t.store, [{ kind: "dedupe", articleId: "x1" }]), 0);
      assert.equal((await countJobs(t.store)).dedupe.queued, 1);
    });

    test("a claimed job is leased to one worker and completes once", async () => {
      await enqueueJobs(t.store, [{ kind: "lease", articleId: "l1" }]);
      const [job] = await claimJobs(t.store, "w1", 5, 60_000, ["lease"]);
      assert.equal(job.articleId, "l1");
      assert.equal(job.attempts, 1);
      assert.deepEqual(await claimJobs(t.store, "w2", 5, 60_000, ["lease"]), [], "a leased job is not claimable");
      assert.equal(await completeJob(t.store, job, "w2"), false, "only the holder completes it");
      assert.equal(await completeJob(t.store, job, "w1"), true);
      assert.equal(await completeJob(t.store, job, "w1"), false, "and only once");
      const [info] = await listJobs(t.store, { kind: "lease" });
      assert.equal(info.state, "done");
      assert.equal(info.completions, 1);
    });

    test("a job whose lease ran out (dead worker) is claimed again", async () => {
      await enqueueJobs(t.store, [{ kind: "expire", articleId: "e1" }]);
      const [first] = await claimJobs(t.store, "dead", 1, 1, ["expire"]);
      await new Promise((r) => setTimeout(r, 20));
      const [again] = await claimJobs(t.store, "alive", 1, 60_000, ["expire"]);
      assert.equal(again.id, first.id);
      assert.equal(again.attempts, 2);
      assert.equal(await completeJob(t.store, first, "dead"), false, "the dead worker's late finish is refused");
      assert.equal(await completeJob(t.store, again, "alive"), true);
    });

    test("a failing job is retried with back-off, then parked with its error, and can be retried", async () => {
      await enqueueJobs(t.store, [{ kind: "flaky", articleId: "f1" }], { maxAttempts: 2 });
      const [a1] = await claimJobs(t.store, "w", 1, 60_000, ["flaky"]);
      assert.equal(await failJob(t.store, a1, "w", "boom 1", { baseMs: 60_000, maxMs: 60_000 }), "retry");
      assert.deepEqual(await claimJobs(t.store, "w", 1, 60_000, ["flaky"]), [], "not due before its back-off");
      await kyselyOf(t.store).updateTable("jobs").set({ run_at: 0 }).where("kind", "=", "flaky").execute();
      const [a2] = await claimJobs(t.store, "w", 1, 60_000, ["flaky"]);
      assert.equal(a2.attempts, 2);
      assert.equal(await failJob(t.store, a2, "w", "boom 2", fast), "parked");
      const [parked] = await listJobs(t.store, { kind: "flaky" });
      assert.equal(parked.state, "parked");
      assert.equal(parked.lastError, "boom 2");
      assert.equal(await retryParkedJobs(t.store, [parked.id]), 1);
      const [a3] = await claimJobs(t.store, "w", 1, 60_000, ["flaky"]);
      assert.equal(a3.attempts, 1, "a retried job gets a fresh set of attempts");
    });

    test("back-off doubles per attempt up to the cap", () => {
      const b = { baseMs: 100, maxMs: 1000 };
      assert.deepEqual(
        [1, 2, 3, 5, 9].map((n) => backoffDelay(n, b, () => 0)),
        [100, 200, 400, 1000, 1000],
      );
    });

    test("the worker runs handlers, retries failures and parks what keeps failing", async () => {
      let calls = 0;
      registerJobHandler("sometimes", async (_store, job) => {
        calls++;
        if (job.articleId === "bad" || job.attempts === 1) throw new Error(`no luck with ${job.articleId}`);
      });
      await enqueueJobs(
        t.store,
        ["ok1", "ok2", "bad"].map((articleId) => ({ kind: "sometimes", articleId })),
        { maxAttempts: 3 },
      );
      const stats = await runWorker(t.store, { once: true, kinds: ["sometimes"], backoff: fast, pollMs: 10 });
      assert.equal(stats.done, 2);
      assert.equal(stats.parked, 1);
      assert.equal(calls, 2 * 2 + 3);
      const jobs = await listJobs(t.store, { kind: "sometimes" });
      const bad = jobs.find((j) => j.articleId === "bad");
      assert.equal(bad?.state, "parked");
      assert.match(bad?.lastError ?? "", /no luck with bad/);
      assert.ok(jobs.filter((j) => j.state === "done").every((j) => j.completions === 1));
    });

    test("a worker told to stop finishes the job in hand and hands back the ones it had not started", async () => {
      const stop = new AbortController();
      registerJobHandler("stoppable", async () => stop.abort());
      await enqueueJobs(
        t.store,
        ["s1", "s2", "s3", "s4"].map((articleId) => ({ kind: "stoppable", articleId })),
      );
      const stats = await runWorker(t.store, { kinds: ["stoppable"], batchSize: 4, signal: stop.signal, pollMs: 10 });
      assert.equal(stats.done, 1);
      const jobs = await listJobs(t.store, { kind: "stoppable" });
      assert.deepEqual(jobs.map((j) => j.state).sort(), ["done", "retry", "retry", "retry"]);
      assert.ok(jobs.filter((j) => j.state === "retry").every((j) => j.attempts === 0 && j.lockedBy === null));
      assert.equal((await claimJobs(t.store, "next", 10, 60_000, ["stoppable"])).length, 3, "claimable at once");
    });

    if (engine === "postgres") {
      const server = () =>
        /^postgres/.test(t.location) ? false : "needs a PostgreSQL server (embedded PGlite is one session)";
      test("workers claiming at once never take the same job", async (ctx) => {
        const skip = server();
        if (skip) return ctx.skip(skip);
        const ids = Array.from({ length: 60 }, (_, i) => `c${i}`);
        await enqueueJobs(
          t.store,
          ids.map((articleId) => ({ kind: "race", articleId })),
        );
        const others: Store[] = [];
        for (let i = 0; i < 3; i++) others.push(await openStore(t.location, { migrate: false }));
        try {
          const claimed: number[] = [];
          await Promise.all(
            [t.store, ...others].map(async (s, w) => {
              for (;;) {
                const jobs = await claimJobs(s, `w${w}`, 3, 60_000, ["race"]);
                if (jobs.length === 0) return;
                claimed.push(...jobs.map((j) => j.id));
              }
            }),
          );
          assert.equal(claimed.length, 60);
          assert.equal(new Set(claimed).size, 60);
        } finally {
          for (const s of others) await s.close();
        }
      });
    }
  });
}
