import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { toJsonLine } from "../../src/ingest/jsonl/jsonl-importer.ts";
import { type ImportResult, importInputs } from "../../src/ingest/pipeline.ts";
import { allArticles, getArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { tempSqlitePath } from "../support/stores.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const corpus = join(root, "../shared/data/bbc-news-2005");
const CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"];

/** The corpus's own record of byte-identical pairs: first file → duplicate file. */
function knownDuplicates(): [string, string][] {
  return readFileSync(join(corpus, "DUPLICATES.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]);
}

async function storedDocs(store: Store): Promise<Map<string, string>> {
  const rows = await kyselyOf(store).selectFrom("articles").select(["id", "doc", "slug", "content_hash"]).execute();
  return new Map(rows.map((r) => [r.id, JSON.stringify([r.slug, r.content_hash, r.doc])]));
}

describe("the 2,225-file BBC corpus through the import pipeline into a real SQLite file", () => {
  const first = tempSqlitePath();
  const second = tempSqlitePath();
  let store: Store;
  let result: ImportResult;
  before(async () => {
    store = await openStore(first.path);
    result = await importInputs(
      store,
      CATEGORIES.map((c) => join(corpus, c)),
    );
  });
  after(async () => {
    await store.close();
    first.cleanup();
    second.cleanup();
  });

  test("every file is imported or reported as a duplicate: zero failures", () => {
    assert.deepEqual(result.failed, []);
    const total = CATEGORIES.reduce((n, c) => n + readdirSync(join(corpus, c)).length, 0);
    assert.equal(total, 2225);
    assert.equal(result.imported + result.duplicates.length, total);
  });

  test("the 98 duplicates are exactly the corpus's listed pairs, each naming the file it duplicates", () => {
    const reported = result.duplicates.map((d) => [relative(corpus, d.of), relative(corpus, d.file)]).sort();
    assert.equal(reported.length, 98);
    assert.deepEqual(reported, knownDuplicates().sort());
  });

  test("per-category counts: the README's file counts minus each category's duplicates; section from the folder", async () => {
    const readme = readFileSync(join(corpus, "README.md"), "utf8");
    const dupes = knownDuplicates();
    const rows = await kyselyOf(store)
      .selectFrom("articles")
      .select("section")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy("section")
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.section, Number(r.n)]));
    for (const c of CATEGORIES) {
      const files = Number(new RegExp(`\\| ${c}/ \\| (\\d+) \\|`).exec(readme)?.[1]);
      const dupesHere = dupes.filter(([a]) => a.startsWith(`${c}/`)).length;
      const section = c[0].toUpperCase() + c.slice(1);
      assert.equal(counts[section], files - dupesHere, section);
    }
    assert.equal(Object.keys(counts).length, CATEGORIES.length, "no other sections");
  });

  test("export as JSON Lines, import into a fresh store: identical stored articles", async () => {
    const lines: string[] = [];
    for await (const { article } of allArticles(store)) lines.push(toJsonLine(article));
    const backup = join(second.dir, "backup.jsonl");
    writeFileSync(backup, `${lines.join("\n")}\n`);
    const fresh = await openStore(second.path);
    try {
      const restored = await importInputs(fresh, [backup]);
      assert.deepEqual(restored.failed, []);
      assert.equal(restored.imported, result.imported);
      const before = await storedDocs(store);
      const afterRestore = await storedDocs(fresh);
      assert.equal(afterRestore.size, before.size);
      for (const [id, doc] of before) assert.equal(afterRestore.get(id), doc, id);
    } finally {
      await fresh.close();
    }
  });

  test("importing a corpus file again is a duplicate of the stored one", async () => {
    const again = await importInputs(store, [join(corpus, "tech/001.txt")]);
    assert.equal(again.imported, 0);
    const file = join(corpus, "tech/001.txt");
    assert.equal(again.duplicates.length, 1);
    const [dup] = again.duplicates;
    // Named as a re-import of the same file from an earlier run, with the article it is.
    assert.deepEqual({ file: dup.file, of: dup.of, earlierRun: dup.earlierRun }, { file, of: file, earlierRun: true });
    const stored = await getArticle(store, dup.article ?? "");
    assert.ok(stored?.article.origin?.path?.endsWith("tech/001.txt"), `article ${dup.article}`);
  });
});
