import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { countArticles } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

const cli = (args: string[], input?: string) => runCli(args, { input });

async function stored(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return await countArticles(store);
  } finally {
    await store.close();
  }
}

describe("bad input through the real CLI: one line naming file and reason, exit 1, nothing stored", () => {
  const tmp = tempSqlitePath();
  const file = (name: string) => join(tmp.dir, name);
  before(() => {
    writeFileSync(file("empty.txt"), "");
    writeFileSync(file("garbage.bin"), randomBytes(4096));
    // Over 50 MB without writing 50 MB: a sparse file, so the size check must come before reading.
    const fd = openSync(file("huge.txt"), "w");
    writeSync(fd, "Big headline\n\n", 0);
    writeSync(fd, "x", 50 * 1024 * 1024);
    closeSync(fd);
    writeFileSync(
      file("broken-utf8.txt"),
      Buffer.concat([
        Buffer.from("Caf\u00e9 prices rise\n\nA coffee costs \u00a33 "),
        Buffer.from([0xe2, 0x28, 0xa1]),
        Buffer.from(" now.\n"),
      ]),
    );
    writeFileSync(
      file("no-headline.txt"),
      "This is body text pasted without any headline at all, ending like a sentence.\n\nSecond paragraph.\n",
    );
    writeFileSync(
      file("broken.ninjs.json"),
      '{\n  "uri": "urn:x:1",\n  "headlines": [{"value": "Hi"}]\n  "bodies": []\n}\n',
    );
    writeFileSync(file("bad-field.ninjs.json"), JSON.stringify({ uri: "urn:x:2", headlines: [{ value: 42 }] }));
    writeFileSync(
      file("bad-date.ninjs.json"),
      JSON.stringify({ uri: "urn:x:3", headlines: [{ value: "Hi" }], versioncreated: "yesterday" }),
    );
  });
  after(() => tmp.cleanup());

  const cases: [string, RegExp][] = [
    ["empty.txt", /empty file/],
    ["garbage.bin", /binary data, not text/],
    ["huge.txt", /over the 50 MB limit/],
    ["broken-utf8.txt", /invalid UTF-8 at byte \d+/],
    ["no-headline.txt", /no headline/],
    ["broken.ninjs.json", /invalid JSON at line 4, column \d+/],
    ["bad-field.ninjs.json", /field headlines\[0\]\.value: must be a string/],
    ["bad-date.ninjs.json", /field versioncreated: must be an ISO 8601 date-time/],
  ];
  test("each bad file fails on its own line, and nothing of any is stored", async () => {
    // One run for all cases keeps the test quick; every file still gets its own verdict.
    const r = cli(["import", "--db", tmp.path, ...cases.map(([name]) => file(name))]);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at |Error:/, "no stack trace");
    assert.match(r.stdout, new RegExp(`imported 0, duplicates 0, failed ${cases.length}`));
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, cases.length, r.stderr);
    for (const [name, reason] of cases) {
      const line = lines.find((l) => l.startsWith(`${file(name)}: `));
      assert.ok(line, `a line for ${name}`);
      assert.match(line, reason);
    }
    assert.equal(await stored(tmp.path), 0);
  });

  test("a single bad file: exit 1 and exactly one error line", () => {
    const r = cli(["import", "--db", tmp.path, file("no-headline.txt")]);
    assert.equal(r.code, 1);
    assert.match(r.stderr.trim(), /^[^\n]*no-headline\.txt: no headline: [^\n]*$/);
  });

  test("a bad file among good ones: the good ones are stored, the run still exits 1", async () => {
    copyFileSync(join(root, "../shared/seed/reference-article.txt"), file("reference.txt"));
    const r = cli(["import", "--db", tmp.path, file("empty.txt"), file("reference.txt"), file("no-headline.txt")]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /imported 1, duplicates 0, failed 2/);
    assert.equal(await stored(tmp.path), 1);
  });

  test("extract reports a bad file on stderr and exits 1, printing the good one", () => {
    const r = cli(["extract", file("garbage.bin"), join(root, "../shared/seed/reference-article.txt")]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout.trim().split("\n").length, 1);
    assert.match(r.stderr, /garbage\.bin: binary data, not text/);
  });

  test("a missing input and an unknown export format are one-line errors", () => {
    const missing = cli(["import", "--db", tmp.path, file("nope.txt")]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.txt: no such file or folder/);
    const format = cli(["export", "--db", tmp.path, "--format", "xml"]);
    assert.equal(format.code, 1);
    assert.equal(format.stderr.trim(), 'newsdesk: --format: "xml" is not a format; use ninjs or jsonl');
  });
});
