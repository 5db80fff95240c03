import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { listInputs } from "../../src/ingest/read-input.ts";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const politics011 = join(root, "../shared/data/bbc-news-2005/politics/011.txt");

function cli(args: string[], cwd: string) {
  return runCli(args, { cwd });
}

describe("extract FILE and import DIR agree on the section the folder names", () => {
  const tmp = tempSqlitePath();
  after(() => tmp.cleanup());
  // A politics/ folder of its own, so the test runs the CLI on a relative path as a user would.
  mkdirSync(join(tmp.dir, "politics"));
  copyFileSync(politics011, join(tmp.dir, "politics/011.txt"));

  test("a file named on the command line carries its folder's section; the working folder names none", () => {
    assert.equal(listInputs([join(tmp.dir, "politics/011.txt")]).files[0].folderSection, "Politics");
    assert.equal(listInputs([politics011]).files[0].folderSection, "Politics");
    const here = cli(["extract", "011.txt"], join(tmp.dir, "politics"));
    assert.equal(here.code, 0, here.stderr);
    assert.equal(JSON.parse(here.stdout).section, "News");
  });

  test("`extract politics/011.txt` and `import politics/` both file it under Politics", () => {
    const extracted = cli(["extract", "politics/011.txt"], tmp.dir);
    assert.equal(extracted.code, 0, extracted.stderr);
    assert.equal(JSON.parse(extracted.stdout).section, "Politics");
    const imported = cli(["import", "--db", tmp.path, "politics/"], tmp.dir);
    assert.equal(imported.code, 0, imported.stderr);
    const id = JSON.parse(extracted.stdout).id as string;
    const shown = cli(["show", "--db", tmp.path, id], tmp.dir);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).section, "Politics");
    // --section still wins over the folder in both.
    const withOption = cli(["extract", "--section", "Opinion", "politics/011.txt"], tmp.dir);
    assert.equal(JSON.parse(withOption.stdout).section, "Opinion");
  });
});
