import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { closeSync, existsSync, openSync, statSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { countArticles, saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { checkStore } from "../../src/store/integrity.ts";
import { openStore } from "../../src/store/open.ts";
import { backupSqlite, restoreSqlite, verifySqliteFile } from "../../src/store/sqlite/backup.ts";
import type { SqliteStore } from "../../src/store/sqlite/open-sqlite.ts";
import { ENGINES, type TestStore, tempSqlitePath, tempStore } from "../support/stores.ts";

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, "../../bin/newsdesk.js");

function article(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `b${n}`,
    slug: `story-${n}`,
    section: "World",
    headline: `Story ${n}`,
    blocks: [{ type: "paragraph", text: `Body ${n}.` }],
    people: [{ name: `Person ${n}` }],
    quotes: [{ text: `Quote ${n}`, speaker: `Person ${n}`, type: "direct" }],
    ...extra,
  };
}

describe("online backup of a SQLite store being written", () => {
  let t: TestStore;
  const tmp = tempSqlitePath();
  before(async () => {
    t = await tempStore("sqlite");
    for (let i = 0; i < 200; i++) await saveArticle(t.store, article(i));
  });
  after(async () => {
    await t.cleanup();
    tmp.cleanup();
  });

  test("the copy is consistent while writes go on, and restores whole", async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      for (let i = 200; writing; i++) {
        await saveArticle(t.store, article(i));
        await saveArticle(t.store, article(i % 200, { headline: `Story ${i % 200} revised ${i}` }));
        written++;
        // Let the backup's steps run between writes, as a server's requests interleave with it.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = join(tmp.dir, "backup.db");
    await backupSqlite((t.store as SqliteStore).sqlite, out);
    writing = false;
    await writer;
    assert.ok(written > 0, "writes happened during the backup");
    assert.equal(verifySqliteFile(out), null);
    assert.equal(existsSync(`${out}.partial`), false);

    const copy = await openStore(out);
    const report = await checkStore(copy, "full");
    assert.deepEqual(report.problems, []);
    assert.ok((await countArticles(copy)) >= 200);
    await copy.close();

    const target = join(tmp.dir, "restored.db");
    await restoreSqlite(out, target);
    const restored = await openStore(target);
    assert.deepEqual((await checkStore(restored, "full")).problems, []);
    await restored.close();
    await assert.rejects(backupSqlite((t.store as SqliteStore).sqlite, out), /already exists/);
  });

  test("restore refuses a file that is not a sound Newsdesk store", async () => {
    const junk = join(tmp.dir, "junk.db");
    const fd = openSync(junk, "w");
    writeSync(fd, "not a database at all");
    closeSync(fd);
    await assert.rejects(restoreSqlite(junk, join(tmp.dir, "x.db")), /cannot restore/);
    assert.equal(existsSync(join(tmp.dir, "x.db")), false, "nothing is replaced");
  });
});

for (const engine of ENGINES) {
  describe(`the full check finds inconsistent rows on ${engine}`, () => {
    let t: TestStore;
    before(async () => {
      t = await tempStore(engine);
      for (let i = 0; i < 5; i++) await saveArticle(t.store, article(i));
    });
    after(async () => {
      await t.cleanup();
    });

    test("a sound store passes; a missing revision, quote row or entity row is reported", async () => {
      assert.deepEqual((await checkStore(t.store, "full")).problems, []);
      assert.ok((await checkStore(t.store, "quick")).ok);
      await kyselyOf(t.store).deleteFrom("article_quotes").where("article_id", "=", "b1").execute();
      await kyselyOf(t.store).deleteFrom("article_entities").where("article_id", "=", "b2").execute();
      await saveArticle(t.store, article(3, { headline: "Changed" }));
      await kyselyOf(t.store)
        .deleteFrom("revisions")
        .where("article_id", "=", "b3")
        .where("revision", "=", 2)
        .execute();
      const { problems } = await checkStore(t.store, "full");
      assert.ok(
        problems.some((p) => p.startsWith("b1:") && /quote/.test(p)),
        problems.join("\n"),
      );
      assert.ok(
        problems.some((p) => p.startsWith("b2:") && /entity/.test(p)),
        problems.join("\n"),
      );
      assert.ok(
        problems.some((p) => p.startsWith("b3:")),
        problems.join("\n"),
      );
      assert.equal(problems.length, 4, problems.join("\n"));
    });
  });
}

describe("the backup, restore, check and token commands", () => {
  const tmp = tempSqlitePath();
  after(() => tmp.cleanup());

  test("token create prints a working token once; backup, restore and check round-trip", {
    timeout: 120_000,
  }, async () => {
    const store = await openStore(tmp.path);
    for (let i = 0; i < 20; i++) await saveArticle(store, article(i));
    await store.close();
    const created = await run(process.execPath, [
      CLI,
      "token",
      "create",
      "--role",
      "writer",
      "--name",
      "Desk",
      "--db",
      tmp.path,
    ]);
    assert.match(created.stdout, /^nd_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}\n$/);
    assert.match(created.stderr, /not shown again/);
    const listed = await run(process.execPath, [CLI, "token", "list", "--db", tmp.path]);
    assert.ok(!listed.stdout.includes(created.stdout.trim().slice(16)), "list never shows the secret");
    assert.match(listed.stdout, /writer\tDesk/);

    const out = join(tmp.dir, "nightly.db");
    const backup = await run(process.execPath, [CLI, "backup", "--out", out, "--db", tmp.path]);
    assert.match(backup.stdout, /backed up/);
    const target = join(tmp.dir, "restored.db");
    const restored = await run(process.execPath, [CLI, "restore", out, "--db", target]);
    assert.match(restored.stdout, /20 articles/);
    await assert.rejects(run(process.execPath, [CLI, "restore", out, "--db", target]), /--force/);
    const check = await run(process.execPath, [CLI, "check", "--db", target]);
    assert.match(check.stdout, /^ok: 20 articles, 20 revisions/m);

    // Damage a page in the middle of the file: the check must fail, and say so in one line.
    const size = statSync(target).size;
    const fd = openSync(target, "r+");
    writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, Math.floor(size / 4096 / 2) * 4096);
    closeSync(fd);
    const damaged = await run(process.execPath, [CLI, "check", "--db", target]).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    assert.ok(damaged, "check fails on a damaged store");
    assert.doesNotMatch(`${damaged.stdout}${damaged.stderr}`, /\n\s+at /, "no stack trace");
  });
});
