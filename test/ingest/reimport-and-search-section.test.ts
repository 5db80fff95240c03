import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const reference = join(import.meta.dirname, "../../../shared/seed/reference-article.txt");

describe("small CLI promises (issue 16)", () => {
  const tmp = tempSqlitePath();
  after(() => tmp.cleanup());

  test("re-importing a file imported in an earlier run names the earlier file and the article", () => {
    const first = runCli(["import", "--db", tmp.path, reference]);
    assert.equal(first.code, 0, first.stderr);
    const again = runCli(["import", "--db", tmp.path, reference]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(
      again.stdout,
      /duplicate: .*reference-article\.txt \(already imported in an earlier run from .*reference-article\.txt, as article \S+\)/,
    );
    // A copy under another name, in another run: the earlier file is named, not the copy.
    const dir = join(tmp.dir, "copies");
    mkdirSync(dir);
    copyFileSync(reference, join(dir, "copy.txt"));
    copyFileSync(reference, join(dir, "copy2.txt"));
    const copy = runCli(["import", "--db", tmp.path, dir]);
    assert.match(
      copy.stdout,
      /duplicate: .*copy\.txt \(already imported in an earlier run from .*reference-article\.txt/,
    );
    assert.match(
      copy.stdout,
      /duplicate: .*copy2\.txt \(already imported in an earlier run from .*reference-article\.txt/,
    );
  });

  test("search --section with an unknown section names it and exits non-zero", () => {
    const r = runCli(["search", "--db", tmp.path, "--section", "nosuch", "Cameron"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /search: no section "nosuch" has published articles; sections: UK Politics/);
    assert.doesNotMatch(r.stdout, /0 results/);
    const ok = runCli(["search", "--db", tmp.path, "--section", "UK Politics", "Cameron"]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Cameron rejects Russia/);
  });
});
