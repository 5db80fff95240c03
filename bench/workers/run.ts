/**
 * Workers benchmark: import the BBC corpus into PostgreSQL (stored only; enrichment queued), then
 * drain the queue with 1, 2 and 4 `newsdesk worker --once` processes, each on its own copy of the
 * imported database. Reports articles/s, the scaling ratio, the workers' CPU time, and counts from
 * the jobs table showing every job ran exactly once.
 *
 *   node --import tsx bench/workers/run.ts [--workers 1,2,4] [--limit N] [--batch N] [--only KIND] [--out FILE]
 *
 * Uses NEWSDESK_TEST_PG (default: the local server) to create and drop its own databases.
 */
import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const corpus = join(root, "../shared/data/bbc-news-2005");
const cli = join(root, "bin/newsdesk.js");

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "1,2,4" },
    limit: { type: "string" },
    batch: { type: "string", default: "50" },
    // e.g. enrich: workers run only that kind, to see how the queue scales without related-story locks.
    only: { type: "string" },
    out: { type: "string", default: join(root, "bench/workers/results.json") },
  },
});
const workerCounts = values.workers.split(",").map(Number);
const admin = process.env.NEWSDESK_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

function dbUrl(name: string): string {
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

function corpusFiles(limit?: number): string[] {
  const sections = readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory());
  const files = sections.flatMap((d) =>
    readdirSync(join(corpus, d.name))
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => join(corpus, d.name, f)),
  );
  return limit ? files.filter((_, i) => i % Math.ceil(files.length / limit) === 0).slice(0, limit) : files;
}

interface Counts {
  articles: number;
  enrichRevisions: number;
  articlesWithMoreThanOneEnrichment: number;
  /** From the first job claimed to the last finished: the work itself, without process start-up. */
  processingSeconds: number;
  jobs: { kind: string; jobs: number; done: number; completions: number; maxCompletions: number; attempts: number }[];
}

async function countInDatabase(url: string): Promise<Counts> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const articles = Number((await c.query("SELECT count(*) AS n FROM articles")).rows[0].n);
    const enrich = await c.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE per > 1) AS twice
       FROM (SELECT article_id, count(*) AS per FROM revisions WHERE author = 'enrich' GROUP BY article_id) r`,
    );
    const window = await c.query("SELECT min(started_at) AS first, max(finished_at) AS last FROM jobs");
    const jobs = await c.query(
      `SELECT kind, count(*) AS jobs, count(*) FILTER (WHERE state = 'done') AS done,
              sum(completions) AS completions, max(completions) AS max_completions, sum(attempts) AS attempts
       FROM jobs GROUP BY kind ORDER BY kind`,
    );
    return {
      articles,
      enrichRevisions: Number(enrich.rows[0].n),
      articlesWithMoreThanOneEnrichment: Number(enrich.rows[0].twice),
      processingSeconds: (Date.parse(window.rows[0].last) - Date.parse(window.rows[0].first)) / 1000,
      jobs: jobs.rows.map((r) => ({
        kind: r.kind,
        jobs: Number(r.jobs),
        done: Number(r.done),
        completions: Number(r.completions),
        maxCompletions: Number(r.max_completions),
        attempts: Number(r.attempts),
      })),
    };
  } finally {
    await c.end();
  }
}

const stamp = `${process.pid}`;
const template = `newsdesk_bench_workers_${stamp}`;
const files = corpusFiles(values.limit ? Number(values.limit) : undefined);
console.log(`${files.length} files; ${cpus().length} cores; load average ${loadavg()[0].toFixed(1)}`);

await adminQuery(`CREATE DATABASE ${template}`);
const results: Record<string, unknown>[] = [];
try {
  const started = performance.now();
  const imported = await run(["import", "--db", dbUrl(template), ...files], { NEWSDESK_ENRICH: "queue" });
  const importSeconds = (performance.now() - started) / 1000;
  if (imported.code !== 0) throw new Error(`import failed: ${imported.out}`);
  const before = await countInDatabase(dbUrl(template));
  console.log(
    `import (store + enqueue): ${before.articles} articles in ${importSeconds.toFixed(1)} s = ${(before.articles / importSeconds).toFixed(0)} articles/s`,
  );

  for (const n of workerCounts) {
    const name = `newsdesk_bench_workers_${stamp}_${n}`;
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    try {
      const load = loadavg()[0];
      const t0 = performance.now();
      const outs = await Promise.all(
        Array.from({ length: n }, () =>
          run([
            "worker",
            "--db",
            dbUrl(name),
            "--once",
            "--quiet",
            "--batch",
            values.batch,
            ...(values.only ? ["--kind", values.only] : []),
          ]),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      for (const o of outs) if (o.code !== 0) throw new Error(`worker failed: ${o.out}`);
      const cpuSeconds = outs.reduce((sum, o) => sum + Number(/cpu ([\d.]+) s/.exec(o.out)?.[1] ?? 0), 0);
      const counts = await countInDatabase(dbUrl(name));
      const row = {
        workers: n,
        articles: counts.articles,
        seconds: Number(seconds.toFixed(1)),
        articlesPerSecond: Number((counts.articles / seconds).toFixed(1)),
        processingArticlesPerSecond: Number((counts.articles / counts.processingSeconds).toFixed(1)),
        workerCpuSeconds: Number(cpuSeconds.toFixed(1)),
        loadAverageAtStart: Number(load.toFixed(1)),
        counts,
      };
      results.push(row);
      console.log(JSON.stringify(row));
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  // The machine is shared and its load drifts: with --workers 1,2,4,1,2,4 each count runs more
  // than once, interleaved, and the summary takes the median of each count's runs.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = [...new Set(workerCounts)].map((n) => {
    const runs = results.filter((r) => r.workers === n);
    return {
      workers: n,
      runs: runs.length,
      articlesPerSecond: median(runs.map((r) => r.articlesPerSecond as number)),
      processingArticlesPerSecond: median(runs.map((r) => r.processingArticlesPerSecond as number)),
      workerCpuSeconds: median(runs.map((r) => r.workerCpuSeconds as number)),
      perRun: runs.map((r) => r.articlesPerSecond as number),
      scaling: 0,
      processingScaling: 0,
    };
  });
  const one = summary.find((r) => r.workers === 1);
  for (const r of summary) {
    if (!one) break;
    r.scaling = Number((r.articlesPerSecond / one.articlesPerSecond).toFixed(2));
    r.processingScaling = Number((r.processingArticlesPerSecond / one.processingArticlesPerSecond).toFixed(2));
  }
  writeFileSync(
    values.out,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), files: files.length, importSeconds, summary, results }, null, 2)}\n`,
  );
  console.log(
    "\n| workers | runs | articles/s (median) | per run | scaling | articles/s, first claim to last finish | scaling | worker CPU s |",
  );
  console.log("|---:|---:|---:|---|---:|---:|---:|---:|");
  for (const r of summary)
    console.log(
      `| ${r.workers} | ${r.runs} | ${r.articlesPerSecond} | ${r.perRun.join(", ")} | ${r.scaling}× | ${r.processingArticlesPerSecond} | ${r.processingScaling}× | ${r.workerCpuSeconds} |`,
    );
} finally {
  await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}
