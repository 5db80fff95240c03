/**
 * The origin against nginx with wrk (a C load generator, so the client is not the bottleneck):
 * `newsdesk serve --sample --workers N` and nginx with N workers serving the article page's exact
 * bytes as a static file, same connections and wrk threads, taking turns round after round, for
 * N = 1 (one process) and N = cores. Reports requests/s, p99, the ratio per round and the servers'
 * CPU time per 1,000 requests, with the load average.
 * Run: node --import tsx bench/site/wrk.ts [--rounds 3] [--duration 5] [--connections 32] [--threads 2]
 * Prints Markdown for BENCHMARKS.md and writes bench/out/site-wrk.json.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { freePort, nginxConfig, waitForHttp, waitForOutput } from "../support/processes.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "32" },
    threads: { type: "string", default: "2" },
    nginx: { type: "string", default: "nginx" },
  },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const threads = Number(values.threads);
const ARTICLE = "/news/politics/quillhaven-council-approves-harbour-front-housing-plan-after-seven-hour-meeting";
const TICK_MS = 1000 / 100; // USER_HZ on Linux

/** A process and its children (cluster workers, nginx workers). */
function tree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .map(Number);
  } catch {}
  return [pid, ...children.flatMap(tree)];
}

/** User + system CPU time of a process tree, in ms. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * TICK_MS;
}

interface Run {
  rps: number;
  p99Ms: number;
  requests: number;
  cpuMsPer1000: number;
}

function ms(text: string): number {
  const m = /([\d.]+)(us|ms|s)/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

function wrk(url: string, seconds: number, pids: number[]): Run {
  const before = cpuMs(pids);
  const out = execFileSync("wrk", [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--latency", url], {
    encoding: "utf8",
  });
  const used = cpuMs(pids) - before;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const p99 = ms(/\s99%\s+(\S+)/.exec(out)?.[1] ?? "");
  if (/Non-2xx|Socket errors/.test(out)) throw new Error(`${url}: errors\n${out}`);
  return { rps, p99Ms: p99, requests, cpuMsPer1000: requests > 0 ? (used / requests) * 1000 : Number.NaN };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const work = mkdtempSync(join(tmpdir(), "newsdesk-bench-wrk-"));
chmodSync(work, 0o755);
const children: ChildProcess[] = [];
const stop = async () => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
};

async function compare(processes: number) {
  const db = join(work, `bench-${processes}.db`);
  const sitePort = await freePort();
  const site = spawn(
    process.execPath,
    [
      join(root, "bin", "newsdesk.js"),
      "serve",
      "--sample",
      "--db",
      db,
      "--port",
      String(sitePort),
      "--workers",
      String(processes),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  children.push(site);
  await waitForOutput(site, /Newsdesk is serving/, "newsdesk serve");
  const siteUrl = `http://127.0.0.1:${sitePort}${ARTICLE}`;
  // Every process renders its own copy once; a few requests warm them all.
  for (let i = 0; i < 4 * processes; i++) await fetch(siteUrl);
  const html = Buffer.from(await (await fetch(siteUrl)).arrayBuffer());
  const www = join(work, `www-${processes}`);
  mkdirSync(www, { recursive: true });
  writeFileSync(join(www, "article.html"), html);
  const nginxPort = await freePort();
  const conf = join(work, `nginx-${processes}.conf`);
  writeFileSync(conf, nginxConfig({ work, www, port: nginxPort, processes: processes }));
  const nginx = spawn(values.nginx, ["-c", conf, "-p", `${work}/`, "-e", join(work, "nginx-error.log")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(nginx);
  const nginxUrl = `http://127.0.0.1:${nginxPort}/article.html`;
  await waitForHttp(nginxUrl);
  const nginxBody = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer());
  if (!nginxBody.equals(html)) throw new Error("nginx does not serve the same bytes");
  const sitePids = tree(site.pid ?? 0);
  const nginxPids = tree(nginx.pid ?? 0);
  // The ceiling of any Node.js origin: a bare node:http server writing the same bytes with the same
  // headers from memory, nothing else (one process only).
  let bare: { url: string; pids: number[] } | null = null;
  if (processes === 1) {
    // Identity, as wrk asks for it (fetch would otherwise ask for, and be sent, brotli).
    const headers = Object.fromEntries((await fetch(siteUrl, { headers: { "accept-encoding": "identity" } })).headers);
    delete headers.date;
    delete headers.connection;
    delete headers["keep-alive"];
    const bodyFile = join(work, "bare-body.html");
    writeFileSync(bodyFile, html);
    const barePort = await freePort();
    const script = `const body=require("fs").readFileSync(${JSON.stringify(bodyFile)});const h=${JSON.stringify(headers)};require("http").createServer((q,r)=>{r.writeHead(200,h);r.end(body)}).listen(${barePort},"127.0.0.1",()=>console.log("listening"))`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    await waitForOutput(child, /listening/, "bare node server");
    bare = { url: `http://127.0.0.1:${barePort}/`, pids: [child.pid ?? 0] };
    wrk(bare.url, 1, bare.pids);
  }
  wrk(siteUrl, 1, sitePids);
  wrk(nginxUrl, 1, nginxPids);
  const ours: Run[] = [];
  const theirs: Run[] = [];
  const bares: Run[] = [];
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]);
    // Alternate which goes first, so neither always meets the other's leftovers.
    if (round % 2 === 0) {
      ours.push(wrk(siteUrl, duration, sitePids));
      theirs.push(wrk(nginxUrl, duration, nginxPids));
      if (bare) bares.push(wrk(bare.url, duration, bare.pids));
    } else {
      if (bare) bares.push(wrk(bare.url, duration, bare.pids));
      theirs.push(wrk(nginxUrl, duration, nginxPids));
      ours.push(wrk(siteUrl, duration, sitePids));
    }
  }
  await stop();
  const ratios = ours.map((r, i) => r.rps / theirs[i].rps);
  return {
    processes,
    bytes: html.length,
    newsdesk: {
      rps: mean(ours.map((r) => r.rps)),
      p99Ms: Math.max(...ours.map((r) => r.p99Ms)),
      cpuMsPer1000: median(ours.map((r) => r.cpuMsPer1000)),
      rounds: ours,
    },
    nginx: {
      rps: mean(theirs.map((r) => r.rps)),
      p99Ms: Math.max(...theirs.map((r) => r.p99Ms)),
      cpuMsPer1000: median(theirs.map((r) => r.cpuMsPer1000)),
      rounds: theirs,
    },
    ratio: median(ratios),
    roundRatios: ratios.map((r) => Number(r.toFixed(2))),
    bareNode:
      bares.length > 0
        ? {
            rps: mean(bares.map((r) => r.rps)),
            ratioToNginx: median(bares.map((r, i) => r.rps / theirs[i].rps)),
            newsdeskToBare: median(ours.map((r, i) => r.rps / bares[i].rps)),
            cpuMsPer1000: median(bares.map((r) => r.cpuMsPer1000)),
            rounds: bares,
          }
        : null,
    loadAverage: loads.map((l) => Number(l.toFixed(1))),
    html,
  };
}

try {
  const cores = availableParallelism();
  const one = await compare(1);
  const perCore = cores > 1 ? await compare(cores) : null;
  // Page weight: the article page and its stylesheet, gzipped as the server sends them.
  const css = /<link rel="stylesheet" href="\/static\/([^"?]+)/.exec(one.html.toString())?.[1] ?? "site.css";
  const cssBytes = readFileSync(join(root, "src", "web", "static", css));
  const gz = gzipSync(one.html, { level: 9 }).length + gzipSync(cssBytes, { level: 9 }).length;
  const results = [one, perCore].filter((r) => r !== null);
  mkdirSync(join(root, "bench", "out"), { recursive: true });
  writeFileSync(
    join(root, "bench", "out", "site-wrk.json"),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        cores,
        duration,
        rounds,
        connections,
        threads,
        page: ARTICLE,
        htmlCssGzipBytes: gz,
        results: results.map(({ html, ...r }) => r),
      },
      null,
      2,
    )}\n`,
  );
  const lines = results.map(
    (r) =>
      `| ${r.processes} | ${r.newsdesk.rps.toFixed(0)} | ${r.nginx.rps.toFixed(0)} | **${r.ratio.toFixed(2)}** (${r.roundRatios.join(", ")}) | ${r.newsdesk.p99Ms.toFixed(1)} / ${r.nginx.p99Ms.toFixed(1)} ms | ${r.newsdesk.cpuMsPer1000.toFixed(0)} / ${r.nginx.cpuMsPer1000.toFixed(0)} ms | ${r.loadAverage.join(", ")} |`,
  );
  console.log(`| Processes (newsdesk workers = nginx workers) | newsdesk req/s | nginx req/s | Ratio (median; rounds) | p99 newsdesk / nginx | CPU per 1,000 requests newsdesk / nginx | Load average (1 min) at each round |
|---:|---:|---:|---|---|---|---|
${lines.join("\n")}

wrk -t${threads} -c${connections}, ${rounds} rounds × ${duration} s, servers alternating; ${one.bytes} bytes, no compression on either side. HTML + CSS gzipped: ${(gz / 1024).toFixed(1)} KB.
Bare node:http server, same bytes and headers from memory (1 process): ${one.bareNode?.rps.toFixed(0)} req/s, ratio to nginx ${one.bareNode?.ratioToNginx.toFixed(2)}, newsdesk / bare node ${one.bareNode?.newsdeskToBare.toFixed(2)}, CPU per 1,000 requests ${one.bareNode?.cpuMsPer1000.toFixed(0)} ms.`);
} finally {
  await stop();
  rmSync(work, { recursive: true, force: true });
}
