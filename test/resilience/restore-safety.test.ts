import assert from "node:assert/strict";
import { copyFileSync, existsSync, readdirSync, renameSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { createToken } from "../../src/auth/tokens.ts";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { startServe } from "../postgres/support.ts";
import { runCliAsync, type Spawned } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

/** A store of `n` articles at `path`, closed again. */
async function makeStore(path: string, n: number, prefix: string): Promise<void> {
  const store = await openStore(path);
  for (let i = 0; i < n; i++) {
    await saveArticle(store, {
      id: `${prefix}${i}`,
      slug: `${prefix}-story-${i}`,
      section: "World",
      headline: `${prefix} story ${i}`,
      blocks: [{ type: "paragraph", text: `Body of ${prefix} ${i}.` }],
    });
  }
  await store.close();
}

async function headlines(path: string): Promise<string[]> {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT headline FROM articles ORDER BY id").all() as { headline: string }[]).map(
      (r) => r.headline,
    );
  } finally {
    db.close();
  }
}

describe("restore refuses what would lose data (issue 18, finding 9)", () => {
  const tmp = tempSqlitePath();
  const live = join(tmp.dir, "live.db");
  const backup = join(tmp.dir, "backup.db");
  before(async () => {
    await makeStore(live, 3, "live");
    await makeStore(join(tmp.dir, "source.db"), 5, "old");
    const r = await runCliAsync(["backup", "--db", join(tmp.dir, "source.db"), "--out", backup]);
    assert.equal(r.code, 0, r.stderr);
  });
  after(() => tmp.cleanup());

  test("(a) a file with a wrong schema is refused before anything is replaced", async () => {
    const wrong = join(tmp.dir, "wrong.db");
    const db = new Database(wrong);
    db.exec("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT); INSERT INTO articles VALUES ('x', 'X');");
    db.close();
    const r = await runCliAsync(["restore", wrong, "--force", "--db", live]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /cannot restore .*wrong\.db.*(unknown columns title|schema_migrations)/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual(await headlines(live), ["live story 0", "live story 1", "live story 2"]);
    const check = await runCliAsync(["check", "--db", live]);
    assert.equal(check.code, 0, check.stdout);
  });

  test("(c) a backup carrying its own trigger is refused, and check reports trigger and columns", async () => {
    const evil = join(tmp.dir, "evil.db");
    copyFileSync(backup, evil);
    const db = new Database(evil);
    db.exec(`CREATE TRIGGER rewrite_headlines AFTER UPDATE OF doc ON articles BEGIN
      UPDATE articles SET headline = 'Hacked' WHERE rowid = new.rowid; END;
      UPDATE articles SET headline = 'Hacked' WHERE id = 'old1';`);
    db.close();
    const r = await runCliAsync(["restore", evil, "--force", "--db", live]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /unknown trigger rewrite_headlines/);
    assert.deepEqual(await headlines(live), ["live story 0", "live story 1", "live story 2"]);

    const check = await runCliAsync(["check", "--db", evil]);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /schema: unknown trigger rewrite_headlines/);
    assert.match(check.stdout, /old1: the headline column\(s\) differ from the stored document/);

    // The same trick hidden under the name of one of Newsdesk's own triggers.
    const disguised = join(tmp.dir, "disguised.db");
    copyFileSync(backup, disguised);
    const d = new Database(disguised);
    d.exec(`DROP TRIGGER articles_fts_insert; CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
      UPDATE articles SET headline = 'Hacked' WHERE rowid = new.rowid; END;`);
    d.close();
    const r2 = await runCliAsync(["restore", disguised, "--force", "--db", live]);
    assert.notEqual(r2.code, 0);
    assert.match(r2.stderr, /trigger articles_fts_insert differs from Newsdesk's own/);
  });

  test("a sound backup replaces the store and the old one is kept beside it", async () => {
    const target = join(tmp.dir, "target.db");
    await makeStore(target, 2, "kept");
    const r = await runCliAsync(["restore", backup, "--force", "--db", target]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /restored .* \(5 articles\)/);
    const kept = readdirSync(tmp.dir).find((f) => f.startsWith("target.db.before-restore-"));
    assert.ok(kept, `kept file in ${readdirSync(tmp.dir).join(", ")}`);
    assert.match(r.stdout, new RegExp(`kept the previous store as .*${kept}`));
    assert.deepEqual(await headlines(join(tmp.dir, kept)), ["kept story 0", "kept story 1"]);
    assert.equal((await headlines(target)).length, 5);
  });
});

describe("restore under a running server (issue 16; issue 18 finding 9b)", () => {
  const tmp = tempSqlitePath();
  const live = join(tmp.dir, "live.db");
  const backup = join(tmp.dir, "backup.db");
  let server: Spawned & { url: string };
  let token: string;
  before(async () => {
    await makeStore(live, 2, "live");
    const store = await openStore(live);
    token = (await createToken(store, "editor", "restore-test")).token;
    await store.close();
    const r = await runCliAsync(["backup", "--db", live, "--out", backup]);
    assert.equal(r.code, 0, r.stderr);
    server = await startServe(live);
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
        headline: `Acknowledged write ${id}`,
        blocks: [{ type: "paragraph", text: "Written while a restore was attempted." }],
      }),
    });

  test("restore --force is refused naming the server, and no acknowledged write is lost", {
    timeout: 180_000,
  }, async () => {
    assert.equal((await write("before1")).status, 201);
    const r = await runCliAsync(["restore", backup, "--force", "--db", live]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, new RegExp(`in use by pid ${server.child.pid} \\([^)]*serve`));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.equal((await write("after1")).status, 201);
    const store = await openStore(live);
    try {
      assert.ok(await getArticle(store, "before1"), "written before the refused restore");
      assert.ok(await getArticle(store, "after1"), "written after the refused restore");
    } finally {
      await store.close();
    }
  });

  test("a file replaced under the server: writes answer 503 in the one error shape, and the log says why", {
    timeout: 60_000,
  }, async () => {
    // What an operator might do by hand, past `restore`: move another file over the store.
    const other = join(tmp.dir, "other.db");
    copyFileSync(backup, other);
    renameSync(other, live);
    const res = await write("lost1");
    assert.equal(res.status, 503);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    const body = (await res.json()) as { error: { status: number; code: string; message: string } };
    assert.equal(body.error.code, "unavailable");
    assert.equal(body.error.status, 503);
    assert.match(body.error.message, /replaced/);
    assert.match(server.output(), /live\.db was replaced or deleted under this process .*refusing writes/);
    assert.equal(existsSync(live), true);
  });
});
