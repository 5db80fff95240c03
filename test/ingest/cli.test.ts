import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const reference = join(root, "../shared/seed/reference-article.txt");

const cli = (args: string[], input?: string) => runCli(args, { input });

describe("import, show, extract and export through the real CLI", () => {
  const tmp = tempSqlitePath();
  const copy = tempSqlitePath();
  after(() => {
    tmp.cleanup();
    copy.cleanup();
  });

  test("import from stdin, then the same file again is reported as a duplicate", () => {
    const first = cli(["import", "--db", tmp.path, "-"], readFileSync(reference, "utf8"));
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout.trim(), "imported 1, duplicates 0, failed 0");
    const again = cli(["import", "--db", tmp.path, reference]);
    assert.equal(again.code, 0);
    assert.match(
      again.stdout,
      /duplicate: .*reference-article\.txt \(already imported in an earlier run from stdin, as article \S+\)/,
    );
    assert.match(again.stdout, /imported 0, duplicates 1, failed 0/);
  });

  test("show prints JSON by slug and a readable view with --text", () => {
    const json = cli(["show", "--db", tmp.path, "cameron-rejects-russia-security-call-over-litvinenko"]);
    assert.equal(json.code, 0, json.stderr);
    const article = JSON.parse(json.stdout);
    assert.equal(article.section, "UK Politics");
    const text = cli(["show", "--db", tmp.path, article.id, "--text"]);
    assert.match(text.stdout, /^UK POLITICS\n\nCameron rejects Russia security call over Litvinenko\n/);
    assert.match(text.stdout, /## Difficult issues/);
    const missing = cli(["show", "--db", tmp.path, "no-such-story"]);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr.trim(), 'newsdesk: no article with id or slug "no-such-story"');
  });

  test("extract prints one enriched JSON object per file and stores nothing", () => {
    const r = cli(["extract", reference]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split("\n");
    assert.equal(lines.length, 1);
    const a = JSON.parse(lines[0]);
    for (const key of ["section", "headline", "summary", "blocks", "people", "organisations", "places", "quotes"]) {
      assert.ok(key in a, key);
    }
    assert.ok(a.blocks.every((b: { type: string; text?: string; caption?: string }) => b.type));
    assert.ok(a.people.some((p: { name: string }) => p.name === "David Cameron"));
    assert.ok(a.quotes.length > 0);
  });

  test("export --format jsonl --out, import into a fresh store: the same document", () => {
    const out = join(tmp.dir, "backup.jsonl");
    const exported = cli(["export", "--db", tmp.path, "--format", "jsonl", "--out", out]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(existsSync(out));
    const imported = cli(["import", "--db", copy.path, out]);
    assert.equal(imported.code, 0, imported.stderr);
    const a = JSON.parse(
      cli(["show", "--db", tmp.path, "cameron-rejects-russia-security-call-over-litvinenko"]).stdout,
    );
    const b = JSON.parse(
      cli(["show", "--db", copy.path, "cameron-rejects-russia-security-call-over-litvinenko"]).stdout,
    );
    assert.deepEqual(b, a);
  });

  test("export --format ninjs writes one ninjs object per line to stdout", () => {
    const r = cli(["export", "--db", tmp.path]);
    assert.equal(r.code, 0, r.stderr);
    const items = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(items.length, 1);
    assert.match(items[0].uri, /^urn:newsdesk:article:/);
    assert.equal(items[0].headlines[0].value, "Cameron rejects Russia security call over Litvinenko");
  });
});
