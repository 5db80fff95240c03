/**
 * Search latency over a large archive. Builds (or reuses) an archive of N articles made by
 * importing the BBC 2005 corpus many times under new ids with shuffled paragraphs (see
 * archive.ts), then times searchArticles for one-word, three-word and phrase queries, with and
 * without filters, one query at a time on one connection (one core).
 *
 *   npx tsx bench/search/run.ts [--articles 100000] [--db FILE|postgres://…] [--queries 200]
 */
import { mkdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { contentTerms, words } from "../../src/enrich/related/text-features.ts";
import { countArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { type SearchQuery, searchArticles } from "../../src/store/search.ts";
import type { SqliteStore } from "../../src/store/sqlite/open-sqlite.ts";
import { archiveRows, bulkInsert, seeded } from "./archive.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const target = Number(arg("articles", "100000"));
const perKind = Number(arg("queries", "200"));
const dir = join(tmpdir(), "newsdesk-bench");
mkdirSync(dir, { recursive: true });
const location = arg("db", join(dir, `search-${target}.db`));
const store = await openStore(location);
const fmt = (ms: number) => ms.toFixed(2);

try {
  const have = await countArticles(store);
  if (have < target) {
    const t = performance.now();
    await bulkInsert(store, archiveRows(target));
    if (store.engine === "sqlite")
      (store as SqliteStore).sqlite.exec("INSERT INTO article_fts(article_fts) VALUES ('optimize')");
    else await sql`VACUUM ANALYZE articles`.execute(kyselyOf(store));
    console.log(`built archive of ${target} articles in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const n = await countArticles(store);

  // Index size
  let sizeLine: string;
  if (store.engine === "sqlite") {
    const sqlite = (store as SqliteStore).sqlite;
    const rows = sqlite
      .prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'article_fts%' GROUP BY name")
      .all() as { name: string; bytes: number }[];
    const fts = rows.reduce((s, r) => s + r.bytes, 0);
    const file = statSync(location).size;
    sizeLine = `FTS5 index ${(fts / 2 ** 20).toFixed(0)} MiB (${rows.map((r) => `${r.name} ${(r.bytes / 2 ** 20).toFixed(0)}`).join(", ")}); whole database file ${(file / 2 ** 20).toFixed(0)} MiB`;
  } else {
    const r = await sql<{
      gin: string;
      rum: string | null;
      total: string;
    }>`SELECT pg_relation_size('articles_search') AS gin, pg_relation_size(to_regclass('articles_search_rum')) AS rum,
      pg_total_relation_size('articles') AS total`.execute(kyselyOf(store));
    const mib = (b: string | null) => (Number(b) / 2 ** 20).toFixed(0);
    const path = process.env.NEWSDESK_SEARCH_NO_RUM === "1" || r.rows[0].rum === null ? "GIN fallback" : "RUM";
    sizeLine = `ranking path: ${path}; GIN index ${mib(r.rows[0].gin)} MiB${r.rows[0].rum === null ? "" : `; RUM index ${mib(r.rows[0].rum)} MiB`}; articles table with indexes and TOAST ${mib(r.rows[0].total)} MiB`;
  }

  // Queries drawn from the corpus's own headlines, so every query is something a reader might type.
  const random = seeded(42);
  const sample = await kyselyOf(store)
    .selectFrom("articles")
    .select(["headline", "section", "first_published"])
    .where("id", "like", "arc-0-%")
    .orderBy("id")
    .execute();
  const tagRows = await kyselyOf(store)
    .selectFrom("article_entities")
    .select("tag")
    .where("article_id", "like", "arc-0-%")
    .orderBy("article_id")
    .orderBy("tag")
    .execute();
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const headlineTerms = (h: string) => words(h).filter((w) => w.length >= 4 && contentTerms(w).length > 0);
  const make = (kind: "one" | "three" | "phrase"): string => {
    for (;;) {
      const h = pick(sample).headline;
      const terms = headlineTerms(h);
      if (kind === "one" && terms.length >= 1) return pick(terms);
      if (kind === "three" && terms.length >= 3) return terms.slice(0, 3).join(" ");
      const w = words(h);
      if (kind === "phrase" && w.length >= 3) {
        const i = Math.floor(random() * (w.length - 1));
        return `"${w[i]} ${w[i + 1]}"`;
      }
    }
  };
  const filter = (kind: string): Partial<SearchQuery> => {
    if (kind === "section") return { section: pick(sample).section };
    if (kind === "tag") return { tag: pick(tagRows).tag };
    const from = new Date(Date.UTC(2004, Math.floor(random() * 21), 1));
    const to = new Date(from.getTime() + 90 * 86_400_000);
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
  };

  const percentile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  };
  for (let i = 0; i < 30; i++) await searchArticles(store, { q: make("one") });

  console.log(
    `## Search (${store.engine}, ${n} articles: the BBC 2005 corpus imported repeatedly under new ids, paragraphs shuffled)`,
  );
  console.log(sizeLine);
  console.log(
    `${perKind} queries per row, one at a time, limit 20 with total count and snippets; ms of wall-clock time, and of this process's CPU time (fairer on a shared, loaded machine)`,
  );
  console.log("| query | filter | p50 | p95 | max | CPU p50 | CPU p95 | mean hits |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const kind of ["one", "three", "phrase"] as const) {
    for (const f of ["none", "section", "dates", "tag"]) {
      const times: number[] = [];
      const cpu: number[] = [];
      let hits = 0;
      for (let i = 0; i < perKind; i++) {
        const q: SearchQuery = { q: make(kind), ...(f === "none" ? {} : filter(f)) };
        const c = process.cpuUsage();
        const t = performance.now();
        const r = await searchArticles(store, q);
        times.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
        hits += r.total;
      }
      const label = { one: "one word", three: "three words", phrase: "two-word phrase" }[kind];
      console.log(
        `| ${label} | ${f} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${fmt(Math.max(...times))} | ${fmt(percentile(cpu, 50))} | ${fmt(percentile(cpu, 95))} | ${Math.round(hits / perKind)} |`,
      );
    }
  }
} finally {
  await store.close();
}
