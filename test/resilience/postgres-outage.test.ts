import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../src/auth/tokens.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { startServe, waitFor } from "../postgres/support.ts";
import { runCliAsync, type Spawned, spawnCli } from "../support/cli.ts";
import { createOwnPostgres, type OwnPostgres } from "../support/own-postgres.ts";

/**
 * PostgreSQL stopped and started again under a running site, a writer and a worker, on a cluster
 * this test owns: readers keep getting pages, writers get 503 with Retry-After while it is down,
 * no acknowledged write is lost, and the change feed and the worker reconnect by themselves.
 */
describe("PostgreSQL outage and recovery", () => {
  let pg: OwnPostgres;
  let store: Store;
  let server: Spawned & { url: string };
  let worker: Spawned;
  let token: string;
  let work: string;
  const acknowledged: string[] = [];

  before(async () => {
    pg = createOwnPostgres();
    work = mkdtempSync(join(tmpdir(), "newsdesk-outage-"));
    store = await openStore(pg.url);
    token = (await createToken(store, "editor", "outage")).token;
    server = await startServe(pg.url);
    worker = spawnCli(["worker", "--db", pg.url], {});
  });
  after(async () => {
    server?.child.kill("SIGKILL");
    worker?.child.kill("SIGKILL");
    await store?.close().catch(() => {});
    pg?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  const write = (n: number) =>
    fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        id: `outage${n}`,
        section: "Wendle Valley",
        headline: `Flood barrier test number ${n}`,
        status: "published",
        firstPublished: "2026-03-02T09:00:00Z",
        blocks: [{ type: "paragraph", text: `The barrier held during test ${n}.` }],
      }),
    });

  test("pages are served from the last copy, writes answer 503, and everything recovers", async () => {
    for (const n of [1, 2]) {
      const res = await write(n);
      assert.equal(res.status, 201);
      acknowledged.push(`outage${n}`);
    }
    const page = `${server.url}/news/wendle-valley/flood-barrier-test-number-1`;
    const first = await fetch(page);
    assert.equal(first.status, 200);
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);

    pg.stop();
    try {
      const during = await fetch(page);
      assert.equal(during.status, 200, "readers keep the page while the store is down");
      assert.match(await during.text(), /Flood barrier test number 1/);
      assert.equal((await fetch(`${server.url}/`)).status, 200, "the home page too");

      const refused = await write(3);
      assert.equal(refused.status, 503);
      assert.ok(Number(refused.headers.get("retry-after")) > 0, "Retry-After tells the writer when to come back");
      const body = (await refused.json()) as { error: { code: string; status: number } };
      assert.equal(body.error.code, "unavailable");
      assert.equal(body.error.status, 503);

      const uncached = await fetch(`${server.url}/news/wendle-valley/no-such-story-cached`);
      assert.ok(uncached.status === 503 || uncached.status === 404, `an uncached page: ${uncached.status}`);
      assert.ok(!(await uncached.text()).includes("    at "), "no stack trace");
    } finally {
      pg.start();
    }

    // The writer retries as Retry-After says until the store is back.
    const retried = await waitFor(
      "the write to be accepted after the restart",
      async () => {
        const res = await write(3);
        return res.status === 201 ? res : undefined;
      },
      60_000,
    );
    assert.equal(retried.status, 201);
    acknowledged.push("outage3");

    // No acknowledged write is lost.
    const fresh = await openStore(pg.url);
    try {
      for (const id of acknowledged) assert.ok(await fresh.articles.get(id), `${id} is stored`);

      // The change feed reconnected: a write by another process reaches the server's cached page.
      const stored = await fresh.articles.get("outage1");
      await saveArticle(fresh, { ...stored!.article, headline: "Flood barrier held, engineers say" });
      await waitFor(
        "the server to show the other process's change",
        async () => ((await (await fetch(page)).text()).includes("engineers say") ? true : undefined),
        60_000,
      );
    } finally {
      await fresh.close();
    }
  });

  test("the worker reconnects and finishes jobs queued after the restart", async () => {
    const file = join(work, "story.txt");
    writeFileSync(
      file,
      "Council approves new flood defences\n\nBy Ann Example\n\nThe council approved new flood defences on Monday, its leader Jane Doe said.\n",
    );
    const imported = await runCliAsync(["import", "--db", pg.url, file], { env: { NEWSDESK_ENRICH: "queue" } });
    assert.equal(imported.code, 0, imported.stderr);
    await waitFor(
      "the worker to finish every queued job",
      async () => {
        const open = await kyselyOf(store)
          .selectFrom("jobs")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("state", "in", ["queued", "retry", "running"])
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0 ? true : undefined;
      },
      90_000,
    );
    const done = await kyselyOf(store)
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("state", "=", "done")
      .executeTakeFirstOrThrow();
    assert.ok(Number(done.n) > 0, "jobs were done");
    assert.equal(worker.child.exitCode, null, `the worker is still running: ${worker.output()}`);
  });
});
