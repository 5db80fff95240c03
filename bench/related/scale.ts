/**
 * Time to compute related stories for one new article as the archive grows. The archive is the
 * corpus imported repeatedly (bench/search/archive.ts) and indexed for related stories; 40
 * corpus articles are held out of it and stored one at a time as "new" articles, each followed
 * by the after-store hook alone (features, duplicates, related list, offers to older articles,
 * threads), which is what is timed.
 *
 *   npx tsx bench/related/scale.ts [--sizes 2000,20000,100000] [--db postgres://…]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { mergeDfDeltas } from "../../src/enrich/related/df.ts";
import { indexArticles, loadSourceArticles } from "../../src/enrich/related/features.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { archiveRows, bulkInsert } from "../search/archive.ts";
import { corpusPaths, readCorpusArticle } from "./corpus.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg("sizes", "2000,20000,100000").split(",").map(Number);
const tmp = process.argv.includes("--db") ? null : mkdtempSync(join(tmpdir(), "newsdesk-scale-"));
const store = await openStore(arg("db", join(tmp ?? "", "scale.db")));
const heldOut = corpusPaths().filter((_, i) => i % 55 === 7);
const exclude = new Set(heldOut);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

try {
  console.log(`## Related stories: time per new article (${store.engine}; ${heldOut.length} new articles per size)`);
  console.log("| archive | build + index (s) | new article p50 (ms) | p95 (ms) | CPU p50 (ms) |");
  console.log("|---:|---:|---:|---:|---:|");
  let have = 0;
  for (const size of sizes) {
    const t = performance.now();
    const rows = [...archiveRows(size - have, { start: have, exclude })];
    await bulkInsert(store, rows);
    for (let i = 0; i < rows.length; i += 1000) {
      const ids = rows.slice(i, i + 1000).map((r) => r.id);
      await store.transaction(async (trx) => indexArticles(trx, await loadSourceArticles(trx, ids)));
      await mergeDfDeltas(store);
    }
    have = size;
    const buildS = (performance.now() - t) / 1000;
    const times: number[] = [];
    const cpu: number[] = [];
    for (const path of heldOut) {
      const a = readCorpusArticle(path);
      await saveArticle(store, a);
      const c = process.cpuUsage();
      const s = performance.now();
      await afterArticlesStored(store, [a.id]);
      times.push(performance.now() - s);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    // Take the new articles out again, so each size measures the same articles against the archive alone.
    const ids = heldOut.map((p) => readCorpusArticle(p).id);
    await kyselyOf(store).deleteFrom("articles").where("id", "in", ids).execute();
    await afterArticlesStored(store, ids);
    console.log(
      `| ${size} | ${buildS.toFixed(0)} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${percentile(cpu, 50).toFixed(1)} |`,
    );
  }
} finally {
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
