/**
 * Growth: the same measurements at several archive sizes on one engine, the archive grown in
 * place from one size to the next. Per size: bulk import throughput, the real import path for a
 * small batch (save + after-store hook), search latency (one word, three words, phrase, and one
 * word filtered by section) at p50/p95/p99, the after-store hook for one new article, and the
 * store's size on disk.
 *
 * The archive is synthetic (bench/search/archive.ts): the 2,225 BBC 2005 articles imported again
 * and again under new ids, paragraphs shuffled, dates spread over 2004-2005. So the vocabulary is
 * the corpus's and every term's document frequency grows linearly with the archive, which is
 * pessimistic for postings and optimistic for the dictionary (a real archive keeps adding names).
 *
 *   npx tsx bench/growth/run.ts [--sizes 10000,100000] [--db FILE|postgres://…/db] [--queries 100]
 *     [--related-index | --related-index-up-to N]   index archive articles for related stories
 *     (all, or while the archive is at most N); slow: about 10 ms of CPU per article
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { mergeDfDeltas } from "../../src/enrich/related/df.ts";
import { indexArticles, loadSourceArticles } from "../../src/enrich/related/features.ts";
import { contentTerms, words } from "../../src/enrich/related/text-features.ts";
import { countArticles, saveArticle, saveArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { type SearchQuery, searchArticles } from "../../src/store/search.ts";
import type { SqliteStore } from "../../src/store/sqlite/open-sqlite.ts";
import { corpusPaths, readCorpusArticle } from "../related/corpus.ts";
import { archiveRows, bulkInsert, seeded } from "../search/archive.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg("sizes", "10000,100000").split(",").map(Number);
const perKind = Number(arg("queries", "100"));
// Index archive articles for related stories only up to this size: beyond it the hook is not timed
// (its candidates would come from a partial index).
const indexUpTo = Number(arg("related-index-up-to", process.argv.includes("--related-index") ? "Infinity" : "0"));
const tmp = process.argv.includes("--db") ? null : mkdtempSync(join(tmpdir(), "newsdesk-growth-"));
const location = arg("db", join(tmp ?? "", "growth.db"));
const store = await openStore(location);
// Held out of the archive: stored one at a time as new articles at each size, then removed.
const heldOut = corpusPaths().filter((_, i) => i % 111 === 5);
const exclude = new Set(heldOut);
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const f1 = (x: number) => x.toFixed(1);

async function storeBytes(): Promise<number> {
  if (store.engine === "sqlite") {
    (store as SqliteStore).sqlite.pragma("wal_checkpoint(TRUNCATE)");
    return statSync(location).size;
  }
  const r = await sql<{ bytes: string }>`SELECT pg_database_size(current_database()) AS bytes`.execute(kyselyOf(store));
  return Number(r.rows[0].bytes);
}

try {
  console.log(
    `## Growth (${store.engine}; load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; ${perKind} queries per kind; ${heldOut.length} new articles per size)`,
  );
  console.log(
    "| articles | bulk import (articles/s, wall) | CPU ms per 1,000 | real import ms/article (save + hook, batch of 10) | related index build (s) | one word p50/p95/p99 | three words p50/p95/p99 | phrase p50/p95/p99 | one word + section p50/p95/p99 (ms wall; CPU p50/p95 of this process) | new article hook p50/p95 (ms wall) | hook CPU p50 (ms) | store MiB | load avg |",
  );
  console.log("|---:|---:|---:|---:|---:|---|---|---|---|---|---:|---:|---:|");
  // A store given with --db may already hold part of the archive (an earlier, interrupted run):
  // growth continues from there.
  let have = await countArticles(store);
  for (const size of sizes) {
    if (size <= have) continue;
    // Bulk import from `have` to `size`.
    let t = performance.now();
    let c = process.cpuUsage();
    const rows = archiveRows(size - have, { start: have, exclude });
    const added = await bulkInsert(store, rows);
    if (store.engine === "postgres") await sql`ANALYZE`.execute(kyselyOf(store));
    const bulkS = (performance.now() - t) / 1000;
    const bulkCpu = cpuMs(process.cpuUsage(c));
    let indexS = 0;
    const indexed = size <= indexUpTo;
    if (indexed) {
      t = performance.now();
      for (let i = have; i < size; i += 1000) {
        const ids = [...archiveRows(Math.min(1000, size - i), { start: i, exclude })].map((r) => r.id);
        await store.transaction(async (trx) => indexArticles(trx, await loadSourceArticles(trx, ids)));
        await mergeDfDeltas(store);
      }
      indexS = (performance.now() - t) / 1000;
    }
    have = size;

    // The real import path for a small batch: validated saves with revisions, then the hook.
    const batch = heldOut
      .slice(0, 10)
      .map((p, i) => ({ ...readCorpusArticle(p), id: `growth-${size}-${i}`, slug: `growth-${size}-${i}` }));
    t = performance.now();
    await saveArticles(
      store,
      batch.map((article) => ({ article })),
    );
    await afterArticlesStored(
      store,
      batch.map((a) => a.id),
    );
    const realMs = (performance.now() - t) / batch.length;
    await kyselyOf(store)
      .deleteFrom("articles")
      .where(
        "id",
        "in",
        batch.map((a) => a.id),
      )
      .execute();
    await afterArticlesStored(
      store,
      batch.map((a) => a.id),
    );

    // Search: queries from the corpus's own headlines (a fixed seed per size, so runs compare).
    const random = seeded(42);
    const headlines = heldOut.map((p) => readCorpusArticle(p).headline);
    const sections = ["business", "entertainment", "politics", "sport", "tech"];
    const all = corpusPaths()
      .filter((_, i) => i % 7 === 0)
      .map((p) => readCorpusArticle(p).headline)
      .concat(headlines);
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const terms = (h: string) => words(h).filter((w) => w.length >= 4 && contentTerms(w).length > 0);
    const make = (kind: string): SearchQuery => {
      for (;;) {
        const h = pick(all);
        const ts = terms(h);
        if (kind === "one" && ts.length >= 1) return { q: pick(ts) };
        if (kind === "section" && ts.length >= 1) return { q: pick(ts), section: pick(sections) };
        if (kind === "three" && ts.length >= 3) return { q: ts.slice(0, 3).join(" ") };
        const w = words(h);
        if (kind === "phrase" && w.length >= 3) {
          const i = Math.floor(random() * (w.length - 1));
          return { q: `"${w[i]} ${w[i + 1]}"` };
        }
      }
    };
    for (let i = 0; i < 20; i++) await searchArticles(store, make("one"));
    const cells: string[] = [];
    for (const kind of ["one", "three", "phrase", "section"]) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < perKind; i++) {
        const q = make(kind);
        const qc = process.cpuUsage();
        const s = performance.now();
        await searchArticles(store, q);
        times.push(performance.now() - s);
        cpu.push(cpuMs(process.cpuUsage(qc)));
      }
      cells.push(
        `${f1(pct(times, 50))} / ${f1(pct(times, 95))} / ${f1(pct(times, 99))} (CPU ${f1(pct(cpu, 50))} / ${f1(pct(cpu, 95))})`,
      );
    }

    // One new article at a time through the after-store hook (features, duplicates, related list,
    // offers to older articles, threads); then removed so each size measures the same articles.
    const hook: number[] = [];
    const hookCpu: number[] = [];
    for (const path of indexed ? heldOut : []) {
      const a = readCorpusArticle(path);
      await saveArticle(store, a);
      c = process.cpuUsage();
      const s = performance.now();
      await afterArticlesStored(store, [a.id]);
      hook.push(performance.now() - s);
      hookCpu.push(cpuMs(process.cpuUsage(c)));
    }
    const ids = heldOut.map((p) => readCorpusArticle(p).id);
    await kyselyOf(store).deleteFrom("articles").where("id", "in", ids).execute();
    await afterArticlesStored(store, ids);

    const mib = (await storeBytes()) / 2 ** 20;
    console.log(
      `| ${size} | ${Math.round(added / bulkS)} | ${Math.round((bulkCpu / added) * 1000)} | ${f1(realMs)} | ${indexed ? Math.round(indexS) : "not built"} | ${cells.join(" | ")} | ${indexed ? `${f1(pct(hook, 50))} / ${f1(pct(hook, 95))} | ${f1(pct(hookCpu, 50))}` : "not timed | —"} | ${Math.round(mib)} | ${loadavg()[0].toFixed(1)} |`,
    );
  }
} finally {
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
