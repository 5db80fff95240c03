import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import { type ImportResult, importInputs } from "../../src/ingest/pipeline.ts";
import { ARTICLE_JOB_KINDS } from "../../src/jobs/handlers.ts";
import { getArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { BBC_CATEGORIES, BBC_CORPUS, bbcFileCounts, bbcKnownDuplicates } from "../support/bbc-corpus.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

/** Runs `fn` with NEWSDESK_ENRICH set, restoring whatever was there. */
async function withEnrichMode<T>(mode: "inline" | "queue", fn: () => Promise<T>): Promise<T> {
  const was = process.env.NEWSDESK_ENRICH;
  process.env.NEWSDESK_ENRICH = mode;
  try {
    return await fn();
  } finally {
    if (was === undefined) delete process.env.NEWSDESK_ENRICH;
    else process.env.NEWSDESK_ENRICH = was;
  }
}

async function count(t: TestStore, table: "articles" | "article_entities" | "related_features"): Promise<number> {
  const r = await kyselyOf(t.store)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// The whole corpus goes through the PostgreSQL default: stored, with enrichment queued for workers
// (the worker side is test/jobs); inline enrichment is checked on a slice, which is what costs time.
describe("the 2,225-file BBC corpus through the import pipeline into PostgreSQL", () => {
  let t: TestStore;
  let result: ImportResult;
  before(async () => {
    t = await tempStore("postgres");
    result = await withEnrichMode("queue", () =>
      importInputs(
        t.store,
        BBC_CATEGORIES.map((c) => join(BBC_CORPUS, c)),
      ),
    );
  });
  after(async () => {
    await t?.cleanup();
  });

  test("every file is imported or reported as a duplicate: zero failures", async () => {
    assert.deepEqual(result.failed, []);
    const { total } = bbcFileCounts();
    assert.equal(total, 2225);
    assert.equal(result.imported + result.duplicates.length, total);
    assert.equal(await count(t, "articles"), result.imported);
  });

  test("the 98 duplicates are exactly the corpus's listed pairs", () => {
    const reported = result.duplicates.map((d) => [relative(BBC_CORPUS, d.of), relative(BBC_CORPUS, d.file)]).sort();
    assert.equal(reported.length, 98);
    assert.deepEqual(reported, bbcKnownDuplicates().sort());
  });

  test("per-category counts match the README minus each category's duplicates", async () => {
    const { byCategory } = bbcFileCounts();
    const dupes = bbcKnownDuplicates();
    const rows = await kyselyOf(t.store)
      .selectFrom("articles")
      .select("section")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .groupBy("section")
      .execute();
    const counts = Object.fromEntries(rows.map((r) => [r.section, Number(r.n)]));
    for (const c of BBC_CATEGORIES) {
      const section = c[0].toUpperCase() + c.slice(1);
      assert.equal(counts[section], byCategory[c] - dupes.filter(([a]) => a.startsWith(`${c}/`)).length, section);
    }
    assert.equal(rows.length, BBC_CATEGORIES.length);
  });

  test("each stored article has exactly one enrichment job queued, and no related job yet", async () => {
    const jobs = await kyselyOf(t.store)
      .selectFrom("jobs")
      .select(["kind", "state"])
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("article_id").distinct().as("articles")])
      .groupBy(["kind", "state"])
      .execute();
    assert.deepEqual(
      jobs.map((j) => ({ kind: j.kind, state: j.state, n: Number(j.n), articles: Number(j.articles) })),
      [{ kind: ARTICLE_JOB_KINDS.enrich, state: "queued", n: result.imported, articles: result.imported }],
    );
  });

  test("importing a corpus file again is a duplicate of the stored one", async () => {
    const file = join(BBC_CORPUS, "tech/001.txt");
    const again = await importInputs(t.store, [file]);
    assert.equal(again.imported, 0);
    assert.equal(again.duplicates.length, 1);
    const [dup] = again.duplicates;
    // Named as a re-import of the same file from an earlier run, with the article it is.
    assert.deepEqual({ file: dup.file, of: dup.of, earlierRun: dup.earlierRun }, { file, of: file, earlierRun: true });
    const stored = await getArticle(t.store, dup.article ?? "");
    assert.ok(stored?.article.origin?.path?.endsWith("tech/001.txt"), `article ${dup.article}`);
  });
});

describe("a corpus slice imported into PostgreSQL with NEWSDESK_ENRICH=inline", () => {
  // Twelve files of each category, plus one listed duplicate pair.
  const [firstOfPair, dupOfPair] = bbcKnownDuplicates()[0];
  const files = BBC_CATEGORIES.flatMap((c) =>
    Array.from({ length: 12 }, (_, i) => join(BBC_CORPUS, c, `${String(i * 20 + 1).padStart(3, "0")}.txt`)),
  );
  let t: TestStore;
  let result: ImportResult;
  before(async () => {
    t = await tempStore("postgres");
    result = await withEnrichMode("inline", () =>
      importInputs(t.store, [...files, join(BBC_CORPUS, firstOfPair), join(BBC_CORPUS, dupOfPair)], { batchSize: 20 }),
    );
  });
  after(async () => {
    await t?.cleanup();
  });

  test("stores, enriches and indexes for related stories in the import itself, queueing nothing", async () => {
    assert.deepEqual(result.failed, []);
    assert.equal(result.imported, files.length + 1);
    assert.deepEqual(
      result.duplicates.map((d) => relative(BBC_CORPUS, d.file)),
      [dupOfPair],
    );
    assert.equal(await count(t, "articles"), result.imported);
    assert.equal(await count(t, "related_features"), result.imported);
    assert.ok((await count(t, "article_entities")) > result.imported, "entities tagged inline");
    const queued = await kyselyOf(t.store)
      .selectFrom("jobs")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    assert.equal(Number(queued.n), 0);
  });
});
