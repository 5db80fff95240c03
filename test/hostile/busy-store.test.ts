import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 8: API writes while another process (a CLI import) holds SQLite's write lock: they wait
// and succeed, or answer 503 with Retry-After; never 500 "database is locked". SQLite only: on
// PostgreSQL writers wait on row locks as they always have.
describe("API writes while another process writes to the SQLite store", () => {
  let s: HostileSite;
  let other: Database.Database;
  before(async () => {
    s = await startHostileSite("sqlite");
    other = new Database(s.location);
  });
  after(async () => {
    other.close();
    await s.close();
  });

  /** What an import's batch does: take the write lock, write, commit `ms` later. */
  const holdWriteLock = (ms: number) => {
    other.exec("BEGIN IMMEDIATE");
    other
      .prepare("INSERT INTO audit_log (at, actor, role, action, target) VALUES (?, 'import', 'cli', 'import', 'x')")
      .run(new Date().toISOString());
    return sleep(ms).then(() => other.exec("COMMIT"));
  };

  test("writes during a short lock wait and all succeed", async () => {
    const released = holdWriteLock(400);
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => s.call("POST", "/api/articles", { role: "writer", body: story(`busy${i}`) })),
    );
    await released;
    for (const r of results) assert.equal(r.status, 201, await r.clone().text());
    assert.equal((await s.store.articles.get("busy4"))?.article.id, "busy4");
  });

  test("a lock held past the retries gives 503 with Retry-After and writes nothing", async () => {
    process.env.NEWSDESK_BUSY_RETRY_MS = "300";
    try {
      const released = holdWriteLock(1500);
      const res = await s.call("POST", "/api/articles", { role: "writer", body: story("busylong") });
      await released;
      assert.equal(res.status, 503, await res.clone().text());
      assert.ok(res.headers.get("retry-after"));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, "unavailable");
      assert.equal(await s.store.articles.get("busylong"), null);
    } finally {
      delete process.env.NEWSDESK_BUSY_RETRY_MS;
    }
    const again = await s.call("POST", "/api/articles", { role: "writer", body: story("busylong") });
    assert.equal(again.status, 201);
  });
});
