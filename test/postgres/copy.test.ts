import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { enqueueJobs } from "../../src/jobs/queue.ts";
import { countArticles, getArticle, listRevisions, saveArticle } from "../../src/store/articles.ts";
import { copyStore } from "../../src/store/copy.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { repoRoot, spawnCli } from "../support/cli.ts";
import { type TestStore, tempPgDatabase, tempSqlitePath, tempStore } from "../support/stores.ts";

const corpus = join(repoRoot, "../shared/data/bbc-news-2005/politics");
const files = Array.from({ length: 12 }, (_, i) => join(corpus, `${String(i + 1).padStart(3, "0")}.txt`));

/** Every row of every table the copy covers, in a stable order, as plain values. */
async function snapshot(store: Store, tables: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(kyselyOf(store));
    out[table] = rows
      .map((r) => {
        const { search: _generated, ...rest } = r;
        return JSON.stringify(
          Object.fromEntries(
            Object.entries(rest)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, typeof v === "boolean" ? Number(v) : v]),
          ),
        );
      })
      .sort();
  }
  return out;
}

describe("migrate --from SQLite --to PostgreSQL and back", () => {
  let source: TestStore;
  let pg: { url: string; cleanup: () => Promise<void> };
  const back = tempSqlitePath();

  before(async () => {
    source = await tempStore("sqlite");
    const result = await importInputs(source.store, files, { defaultSection: "Politics" });
    assert.equal(result.failed.length, 0, JSON.stringify(result.failed));
    const first = (await getArticle(source.store, result.ids[0]))!;
    await saveArticle(
      source.store,
      { ...first.article, headline: `${first.article.headline} (corrected)` },
      { author: "desk", message: "fix headline" },
    );
    await enqueueJobs(source.store, [{ kind: "related", articleId: result.ids[1] }]);
    pg = await tempPgDatabase();
  });
  after(async () => {
    await source.cleanup();
    await pg.cleanup();
    back.cleanup();
  });

  test("copies every table with counts checked, revisions and derived rows included", async () => {
    const run = spawnCli(["migrate", "--from", source.location, "--to", pg.url, "--quiet"]);
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), /counts match/);

    const target = await openStore(pg.url);
    const home = await openStore(back.path);
    try {
      const report = await copyStore(target, home);
      const tables = report.tables.map((t) => t.name);
      for (const name of ["articles", "revisions", "article_entities", "article_quotes", "jobs"])
        assert.ok(tables.includes(name), `${name} copied`);
      assert.equal(await countArticles(target), 12);
      const id = (
        await kyselyOf(source.store).selectFrom("articles").select("id").orderBy("id").executeTakeFirstOrThrow()
      ).id;
      assert.deepEqual(await listRevisions(target, id), await listRevisions(source.store, id));
      const corrected = await kyselyOf(source.store)
        .selectFrom("articles")
        .select("id")
        .where("revision", "=", 2)
        .executeTakeFirstOrThrow();
      assert.equal((await listRevisions(target, corrected.id)).length, 2, "both revisions travelled");
      assert.ok(report.tables.find((t) => t.name === "article_entities")!.rows > 0, "derived rows travelled");

      // Round trip: SQLite → PostgreSQL → SQLite gives back the same rows in every table.
      assert.deepEqual(await snapshot(home, tables), await snapshot(source.store, tables));
      // And the PostgreSQL copy holds the same rows too.
      assert.deepEqual(await snapshot(target, tables), await snapshot(source.store, tables));
      // New rows get fresh ids after the copied ones.
      await enqueueJobs(target, [{ kind: "related", articleId: "after-copy" }]);
    } finally {
      await target.close();
      await home.close();
    }
  });

  test("refuses a target that is not empty, with a clear error, and changes nothing", async () => {
    const before = await openStore(pg.url);
    const count = await countArticles(before);
    await before.close();
    const run = spawnCli(["migrate", "--from", source.location, "--to", pg.url]);
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /is not empty \(\w+ has \d+ rows?\); copy into a new, empty database/);
    const after = await openStore(pg.url);
    assert.equal(await countArticles(after), count);
    await after.close();
  });
});
