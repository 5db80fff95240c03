import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { countArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { checkStore } from "../../src/store/integrity.ts";
import { openStore } from "../../src/store/open.ts";
import { spawnCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

/**
 * Crash safety of import: the corpus is imported again and again into one store, each run killed
 * with SIGKILL at a random moment; after every kill the store must pass the full integrity check
 * (every article whole, with its revision and derived rows), and a last uninterrupted run must
 * complete the import with no duplicates. Runs resume each other, so the whole costs about one import.
 */
const CORPUS = resolve(import.meta.dirname, "../../../shared/data/bbc-news-2005");
const RUNS = Number(process.env.NEWSDESK_KILL_RUNS ?? 20);
const seed = Number(process.env.NEWSDESK_KILL_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a seeded generator so a failing run can be replayed with NEWSDESK_KILL_SEED. */
function random(s: number): () => number {
  let a = s;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpusFiles(dir = CORPUS): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? corpusFiles(path) : [path];
  });
}

const hashOf = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** What a complete import holds: one article per distinct file (by SHA-256), less the files it refuses. */
function expectedArticles(refused: string[]): number {
  const refusedHashes = new Set(refused.map(hashOf));
  return new Set(
    corpusFiles()
      .map(hashOf)
      .filter((h) => !refusedHashes.has(h)),
  ).size;
}

/** The files an import run reported as failed (`<path>: <reason>` lines). */
function refusedFiles(output: string): string[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith(`${CORPUS}/`))
    .map((line) => line.slice(0, line.indexOf(": ")));
}

function runImport(
  db: string,
  killAfterMs: number | null,
): Promise<{ code: number | null; signal: string | null; out: string }> {
  return new Promise((done, fail) => {
    const run = spawnCli(["import", CORPUS, "--db", db]);
    const timer = killAfterMs === null ? null : setTimeout(() => run.child.kill("SIGKILL"), killAfterMs);
    run.child.on("error", fail);
    void run.closed.then(({ code, signal }) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, out: run.output() });
    });
  });
}

async function inspect(db: string) {
  const store = await openStore(db, { migrate: false });
  try {
    const report = await checkStore(store, "full");
    const count = await countArticles(store);
    const dupes = await kyselyOf(store)
      .selectFrom("articles")
      .select((eb) => ["content_hash", eb.fn.countAll<number>().as("n")])
      .groupBy("content_hash")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    return { report, count, dupes };
  } finally {
    await store.close();
  }
}

let tmp: ReturnType<typeof tempSqlitePath>;
before(() => {
  tmp = tempSqlitePath();
});
after(() => {
  tmp.cleanup();
});

test(`import survives ${RUNS} SIGKILLs at random moments (seed ${seed})`, { timeout: 240_000 }, async () => {
  const next = random(seed);
  let previous = 0;
  let killedMidImport = 0;
  for (let run = 0; run < RUNS; run++) {
    const killAt = Math.round(400 + next() * 2400);
    const result = await runImport(tmp.path, killAt);
    if (result.signal === "SIGKILL") killedMidImport++;
    const { report, count, dupes } = await inspect(tmp.path).catch((error) => {
      // The process may die before it has created the database at all.
      if (/no such table|does not exist/.test(String(error)))
        return { report: { ok: true, problems: [] }, count: 0, dupes: [] };
      throw error;
    });
    assert.deepEqual(report.problems, [], `run ${run} killed at ${killAt} ms: store damaged`);
    assert.ok(report.ok);
    assert.equal(dupes.length, 0, `run ${run}: duplicate articles`);
    assert.ok(count >= previous, `run ${run}: articles went from ${previous} to ${count}`);
    previous = count;
  }
  assert.ok(killedMidImport >= Math.min(RUNS, 10), `only ${killedMidImport} runs were killed before finishing`);
  const final = await runImport(tmp.path, null);
  assert.match(final.out, /imported \d+, duplicates \d+/, final.out);
  const expected = expectedArticles(refusedFiles(final.out));
  const { report, count, dupes } = await inspect(tmp.path);
  assert.deepEqual(report.problems, []);
  assert.equal(dupes.length, 0, "no article stored twice");
  assert.equal(count, expected, "the last run completed the import");
  const again = await runImport(tmp.path, null);
  assert.match(again.out, /imported 0,/, "a further run finds nothing new");
});
