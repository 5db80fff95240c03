/**
 * The site benchmark: the article page served by `newsdesk serve` against the same HTML served as a
 * static file by nginx, each loaded by autocannon for a bounded time, plus the article page's
 * transfer size. Run: node --import tsx bench/site/run.ts [--duration 10] [--connections 10] [--engine postgres]
 * Prints a Markdown table for BENCHMARKS.md and writes bench/out/site.json.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { freePort, nginxConfig, waitForHttp, waitForOutput } from "../support/processes.ts";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  throughput: { average: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
// autocannon ships no types; this is the part we use.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    nginx: { type: "string", default: "nginx" },
    // postgres: the site runs against a fresh database on NEWSDESK_TEST_PG (created and dropped here).
    engine: { type: "string", default: "sqlite" },
  },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const ARTICLE = "/news/politics/quillhaven-council-approves-harbour-front-housing-plan-after-seven-hour-meeting";

/** Bytes on the wire for one URL with the given Accept-Encoding. */
function wireBytes(url: string, encoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": encoding } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => {
        bytes += c.length;
      });
      res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "identity") }));
    }).on("error", reject);
  });
}

async function load(name: string, url: string): Promise<AutocannonResult> {
  const result = await autocannon({ url, connections, duration });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`${name}: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return result;
}

interface Summary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  rounds: number[];
}

function summarise(results: AutocannonResult[]): Summary {
  const rps = results.map((r) => r.requests.average);
  return {
    requestsPerSecond: rps.reduce((a, b) => a + b, 0) / rps.length,
    p50Ms: Math.max(...results.map((r) => r.latency.p50)),
    p99Ms: Math.max(...results.map((r) => r.latency.p99)),
    rounds: rps.map((n) => Math.round(n)),
  };
}

const pgAdmin = process.env.NEWSDESK_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const pgName = `newsdesk_bench_site_${process.pid}`;
let pgCreated = false;

async function pgAdminQuery(text: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgAdmin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function createPgDatabase(): Promise<string> {
  await pgAdminQuery(`CREATE DATABASE ${pgName}`);
  pgCreated = true;
  const url = new URL(pgAdmin);
  url.pathname = `/${pgName}`;
  return url.toString();
}

async function dropPgDatabase(): Promise<void> {
  if (pgCreated) await pgAdminQuery(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const work = mkdtempSync(join(tmpdir(), "newsdesk-bench-site-"));
// Started as root, nginx's workers drop to an unprivileged user, who must be able to read the file.
chmodSync(work, 0o755);
const children: ChildProcess[] = [];
try {
  // The site, as a reader would start it: its own process, the sample newsroom in a fresh SQLite file.
  const sitePort = await freePort();
  const db = values.engine === "postgres" ? await createPgDatabase() : join(work, "bench.db");
  const site = spawn(
    process.execPath,
    [join(root, "bin", "newsdesk.js"), "serve", "--sample", "--db", db, "--port", String(sitePort)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(site);
  await waitForOutput(site, /Newsdesk is serving/, "newsdesk serve");
  const siteUrl = `http://127.0.0.1:${sitePort}`;

  // The same bytes as a static file behind nginx, one worker like our one process.
  const html = Buffer.from(await (await fetch(`${siteUrl}${ARTICLE}`)).arrayBuffer());
  const www = join(work, "www");
  mkdirSync(join(www, "news", "politics"), { recursive: true });
  writeFileSync(join(www, "article.html"), html);
  const nginxPort = await freePort();
  const conf = join(work, "nginx.conf");
  writeFileSync(conf, nginxConfig({ work, www, port: nginxPort, processes: 1 }));
  const nginx = spawn(values.nginx, ["-c", conf, "-p", `${work}/`, "-e", join(work, "nginx-error.log")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(nginx);
  let nginxOutput = "";
  nginx.stderr?.on("data", (c: Buffer) => {
    nginxOutput += c.toString();
  });
  const nginxUrl = `http://127.0.0.1:${nginxPort}/article.html`;
  await waitForHttp(nginxUrl).catch((error: Error) => {
    throw new Error(
      `${error.message}; nginx said: ${nginxOutput || readFileSync(join(work, "nginx-error.log"), "utf8")}`,
    );
  });

  // The machine is shared, so load drifts: the two servers take turns, round after round, and each
  // round is compared with its neighbour rather than with a run taken minutes apart.
  await autocannon({ url: `${siteUrl}${ARTICLE}`, connections, duration: 1 }); // warm-up
  await autocannon({ url: nginxUrl, connections, duration: 1 });
  const oursRuns: AutocannonResult[] = [];
  const theirRuns: AutocannonResult[] = [];
  for (let round = 0; round < rounds; round++) {
    oursRuns.push(await load("newsdesk", `${siteUrl}${ARTICLE}`));
    theirRuns.push(await load("nginx", nginxUrl));
  }
  const ours = summarise(oursRuns);
  const theirs = summarise(theirRuns);
  const ratios = oursRuns.map((r, i) => r.requests.average / theirRuns[i].requests.average);

  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html.toString())?.[1] ?? "";
  const sizes = {
    htmlBytes: html.length,
    htmlBrotli: await wireBytes(`${siteUrl}${ARTICLE}`, "br"),
    htmlGzip: await wireBytes(`${siteUrl}${ARTICLE}`, "gzip"),
    cssBytes: (await wireBytes(`${siteUrl}${css}`, "identity")).bytes,
    cssBrotli: await wireBytes(`${siteUrl}${css}`, "br"),
    cssGzip: await wireBytes(`${siteUrl}${css}`, "gzip"),
    externalScripts: (html.toString().match(/<script[^>]+src=/g) ?? []).length,
    inlineScriptBytes: [...html.toString().matchAll(/<script>(.*?)<\/script>/gs)].reduce((n, m) => n + m[1].length, 0),
  };
  const report = {
    date: new Date().toISOString(),
    durationSeconds: duration,
    rounds,
    connections,
    page: ARTICLE,
    newsdesk: ours,
    nginx: theirs,
    ratio: median(ratios),
    roundRatios: ratios.map((r) => Number(r.toFixed(2))),
    sizes,
  };
  mkdirSync(join(root, "bench", "out"), { recursive: true });
  const outName = values.engine === "postgres" ? "site-postgres.json" : "site.json";
  writeFileSync(
    join(root, "bench", "out", outName),
    `${JSON.stringify({ engine: values.engine, ...report }, null, 2)}\n`,
  );

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`| Server | Requests/s (mean of ${rounds} × ${duration} s) | Rounds | p50 latency | p99 latency |
|---|---:|---|---:|---:|
| newsdesk serve (article page, render cache) | ${ours.requestsPerSecond.toFixed(0)} | ${ours.rounds.join(", ")} | ${ours.p50Ms} ms | ${ours.p99Ms} ms |
| nginx, 1 worker (same HTML as a static file) | ${theirs.requestsPerSecond.toFixed(0)} | ${theirs.rounds.join(", ")} | ${theirs.p50Ms} ms | ${theirs.p99Ms} ms |

Ratio newsdesk / nginx: **${report.ratio.toFixed(2)}** (median of rounds ${report.roundRatios.join(", ")}; goal ≥ 0.5). ${connections} connections, servers alternating after a 1 s warm-up each; latency columns are the worst round.

Article page transfer: HTML ${kb(sizes.htmlBytes)} raw, ${kb(sizes.htmlBrotli.bytes)} brotli, ${kb(sizes.htmlGzip.bytes)} gzip; CSS ${kb(sizes.cssBytes)} raw, ${kb(sizes.cssBrotli.bytes)} brotli, ${kb(sizes.cssGzip.bytes)} gzip.
HTML + CSS: **${kb(sizes.htmlBrotli.bytes + sizes.cssBrotli.bytes)} brotli / ${kb(sizes.htmlGzip.bytes + sizes.cssGzip.bytes)} gzip** (goal ≤ 30 KB). External scripts: ${sizes.externalScripts}; inline script: ${sizes.inlineScriptBytes} bytes.`);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await dropPgDatabase();
  rmSync(work, { recursive: true, force: true });
}
