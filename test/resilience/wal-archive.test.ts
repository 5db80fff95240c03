import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createToken } from "../../src/auth/tokens.ts";
import { countArticles, getArticle, saveArticle } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { buildFromArchive, markShipping, startWalShipper } from "../../src/store/sqlite/wal-archive.ts";
import { startServe } from "../postgres/support.ts";
import { runCliAsync, type Spawned } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

/** Every .frames segment in the archive. */
function segments(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".frames"));
}

async function until<T>(what: string, fn: () => T | undefined | false, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function ids(path: string): Promise<string[]> {
  const store = await openStore(path);
  try {
    const out: string[] = [];
    for (const id of ["a1", "b1", "c1"]) if (await getArticle(store, id)) out.push(id);
    return out;
  } finally {
    await store.close();
  }
}

describe("point-in-time recovery of SQLite from the shipped WAL (issue 16, point 1)", () => {
  const tmp = tempSqlitePath();
  const archive = join(tmp.dir, "archive");
  let server: Spawned & { url: string };
  let token: string;
  before(async () => {
    const store = await openStore(tmp.path);
    token = (await createToken(store, "editor", "pitr")).token;
    await store.close();
    server = await startServe(tmp.path, { NEWSDESK_WAL_ARCHIVE: archive });
  });
  after(() => {
    server?.child.kill("SIGKILL");
    tmp.cleanup();
  });

  const write = (id: string) =>
    fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        id,
        section: "World",
        headline: `Shipped story ${id}`,
        blocks: [{ type: "paragraph", text: `Body of ${id}.` }],
      }),
    });

  test("restore --to-time a time between two writes has the first and not the second", {
    timeout: 180_000,
  }, async () => {
    assert.match(server.output(), /shipping the WAL of .* to /);
    let shipped = segments(archive).length;
    assert.equal((await write("a1")).status, 201);
    shipped = await until("a1 to be shipped", () => segments(archive).length > shipped && segments(archive).length);
    await sleep(1200);
    const between = new Date();
    await sleep(1200);
    assert.equal((await write("b1")).status, 201);
    // Another process writes too: it leaves checkpoints to the shipper.
    const input = join(tmp.dir, "c1.txt");
    writeFileSync(input, "World\n\nImported story after the point in time\n\nIt came in through the importer.\n");
    const imported = await runCliAsync(["import", "--db", tmp.path, input]);
    assert.equal(imported.code, 0, imported.stderr);
    await until("b1 and the import to be shipped", () => segments(archive).length >= shipped + 2);
    await sleep(1500);

    const atTime = join(tmp.dir, "at-time.db");
    const r = await runCliAsync(["restore", archive, "--to-time", between.toISOString(), "--db", atTime]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /rebuilt from .*gen-\d+: \d+ WAL segments/);
    assert.deepEqual(await ids(atTime), ["a1"]);
    const check = await runCliAsync(["check", "--db", atTime]);
    assert.equal(check.code, 0, check.stdout);

    const latest = join(tmp.dir, "latest.db");
    const r2 = await runCliAsync(["restore", archive, "--db", latest]);
    assert.equal(r2.code, 0, r2.stderr);
    assert.deepEqual((await ids(latest)).slice(0, 2), ["a1", "b1"]);
    const store = await openStore(latest);
    assert.equal(await countArticles(store, null), 3, "a1, b1 and the imported story");
    await store.close();

    const early = await runCliAsync([
      "restore",
      archive,
      "--to-time",
      "2001-01-01T00:00:00Z",
      "--db",
      join(tmp.dir, "x.db"),
    ]);
    assert.notEqual(early.code, 0);
    assert.match(early.stderr, /the archive begins at .* after 2001-01-01T00:00:00\.000Z/);
    const bad = await runCliAsync(["restore", archive, "--to-time", "yesterday", "--db", join(tmp.dir, "x.db")]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--to-time must be an ISO 8601 time/);
  });
});

describe("WAL shipping across its own checkpoints", () => {
  const tmp = tempSqlitePath();
  after(() => tmp.cleanup());

  test("each point in time between writes restores exactly the writes before it", async () => {
    const archive = join(tmp.dir, "archive");
    markShipping(tmp.path, archive);
    const store = await openStore(tmp.path);
    // Checkpoint after every shipment: the generation must go on across emptied WALs.
    const shipper = startWalShipper(tmp.path, archive, { intervalMs: 3_600_000, checkpointBytes: 1 });
    const marks: Date[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        await saveArticle(store, {
          id: `w${i}`,
          slug: `w-${i}`,
          section: "World",
          headline: `Write ${i}`,
          blocks: [{ type: "paragraph", text: `Body ${i}.` }],
        });
        shipper.ship();
        await sleep(5);
        marks.push(new Date());
        await sleep(5);
      }
    } finally {
      shipper.close();
      await store.close();
    }
    const generations = readdirSync(archive).filter((d) => d.startsWith("gen-"));
    assert.equal(generations.length, 1, "one generation: no frame went unshipped at any checkpoint");
    for (let i = 0; i < marks.length; i++) {
      const out = join(tmp.dir, `at-${i}.db`);
      buildFromArchive(archive, out, marks[i]);
      const restored = await openStore(out);
      try {
        assert.equal(await countArticles(restored, null), i + 1, `at mark ${i}`);
      } finally {
        await restored.close();
      }
    }
  });
});
