import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { startServe, waitFor } from "../postgres/support.ts";
import { runCliAsync, type Spawned, spawnCli } from "../support/cli.ts";
import { createOwnPostgres, type OwnPostgres } from "../support/own-postgres.ts";

/**
 * PostgreSQL down for several of the worker's polls and with the server's connections in use:
 * neither process dies (found by the soak, bench/soak/postgres.ts: both used to exit), and the
 * worker finishes jobs queued after the restart.
 */
describe("workers and servers outlive a PostgreSQL outage longer than a poll", () => {
  let pg: OwnPostgres;
  let store: Store | undefined;
  let worker: Spawned;
  let server: Spawned & { url: string };
  let work: string;
  before(async () => {
    pg = createOwnPostgres();
    work = mkdtempSync(join(tmpdir(), "newsdesk-worker-outage-"));
    store = await openStore(pg.url);
    await store.close();
    store = undefined;
    worker = spawnCli(["worker", "--db", pg.url]);
    server = await startServe(pg.url);
    await waitFor("the worker to start", () => (/started on/.test(worker.output()) ? true : undefined), 120_000);
  });
  after(async () => {
    worker?.child.kill("SIGKILL");
    server?.child.kill("SIGKILL");
    await store?.close().catch(() => {});
    pg?.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  test("both keep running through the outage and the worker drains jobs after it", { timeout: 240_000 }, async () => {
    // Readers keep the server's pool busy while PostgreSQL goes down.
    let reading = true;
    const readers = Array.from({ length: 8 }, async () => {
      while (reading)
        await fetch(`${server.url}/search?q=flood`)
          .then((r) => r.text())
          .catch(() => {});
    });
    await sleep(1000);
    pg.stop();
    await sleep(5000);
    pg.start();
    reading = false;
    await Promise.all(readers);
    assert.equal(worker.child.exitCode, null, `the worker is still running: ${worker.output()}`);
    assert.equal(server.child.exitCode, null, `the server is still running: ${server.output()}`);
    assert.match(worker.output(), /the store is unavailable .*retrying/);

    const file = join(work, "story.txt");
    writeFileSync(file, "Council approves new flood defences\n\nThe council approved new flood defences on Monday.\n");
    const imported = await runCliAsync(["import", "--db", pg.url, file], { env: { NEWSDESK_ENRICH: "queue" } });
    assert.equal(imported.code, 0, imported.stderr);
    store = await openStore(pg.url);
    await waitFor(
      "the worker to finish every queued job",
      async () => {
        const open = await kyselyOf(store!)
          .selectFrom("jobs")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("state", "in", ["queued", "retry", "running"])
          .executeTakeFirstOrThrow();
        return Number(open.n) === 0 ? true : undefined;
      },
      90_000,
    );
    assert.equal(worker.child.exitCode, null);
    assert.equal((await fetch(`${server.url}/`)).status, 200, "the server answers after the restart");
  });
});
