/**
 * Reader latency while a hostile writer sends maximum-size bodies (issue 18, finding 7): `newsdesk
 * serve` on a fresh SQLite store with the sample newsroom; `wrk` loads GET / and GET /search at a
 * low, fixed concurrency, first idle, then while 6 writers each keep one ~0.9 MB article write in
 * flight, alternating phases for several rounds. Reports p50/p99 per phase, the loaded/idle p99
 * ratio, and the server's CPU time (all its threads) per phase.
 * Run: node --import tsx bench/hostile/writes-latency.ts [--duration 8] [--rounds 2] [--writers 6]
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createToken } from "../../src/auth/tokens.ts";
import { openStore } from "../../src/store/open.ts";
import { freePort } from "../support/processes.ts";
import { hostileBody } from "./hostile-body.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "8" },
    rounds: { type: "string", default: "2" },
    writers: { type: "string", default: "6" },
    connections: { type: "string", default: "2" },
  },
});
const duration = Number(values.duration);
const rounds = Number(values.rounds);
const writers = Number(values.writers);
const PATHS = ["/", "/search?q=harbour"];

/** User+system CPU seconds of a process, all its threads, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function toMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) throw new Error(`unreadable wrk latency ${text}`);
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

/** wrk for `duration` seconds; p50/p99 in ms and requests per second. */
function wrk(url: string): Promise<{ p50: number; p99: number; rps: number; non2xx: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", ["-t1", `-c${values.connections}`, `-d${duration}s`, "--latency", url]);
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("error", reject);
    child.on("exit", () => {
      const pct = (p: string) => toMs(new RegExp(`^\\s*${p}%\\s+(\\S+)`, "m").exec(out)?.[1] ?? "NaN");
      resolve({
        p50: pct("50"),
        p99: pct("99"),
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "newsdesk-bench-hostile-"));
const db = join(dir, "newsdesk.db");
const setup = await openStore(db);
const { token } = await createToken(setup, "writer", "bench writer");
await setup.close();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  [join(root, "bin/newsdesk.js"), "serve", "--db", db, "--port", String(port), "--sample"],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await new Promise<void>((resolve, reject) => {
  server.stdout!.on("data", (c: Buffer) => {
    if (c.toString().includes("is serving")) resolve();
  });
  server.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
});
for (const p of PATHS) await fetch(base + p); // warm the render cache and the statement cache

let writing = false;
let written = 0;
let failed = 0;
const bodies = Array.from({ length: writers }, (_, w) => JSON.stringify(hostileBody(`w${w}x000000`)));
const sent = Array.from({ length: writers }, () => 0);
async function writer(w: number): Promise<void> {
  while (writing) {
    const n = sent[w]++;
    const body = bodies[w].replace(`w${w}x000000`, `w${w}x${String(n).padStart(6, "0")}`);
    const res = await fetch(`${base}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    });
    await res.arrayBuffer();
    if (res.status === 201) written++;
    else {
      failed++;
      if (failed <= 3) process.stderr.write(`write refused: ${res.status}\n`);
    }
  }
}

interface Phase {
  path: string;
  phase: "idle" | "writes";
  p50: number;
  p99: number;
  rps: number;
  cpu: number;
}
const phases: Phase[] = [];
const bodyBytes = bodies[0].length;
for (let round = 0; round < rounds; round++) {
  for (const path of PATHS) {
    for (const phase of ["idle", "writes"] as const) {
      let running: Promise<void>[] = [];
      if (phase === "writes") {
        writing = true;
        running = Array.from({ length: writers }, (_, w) => writer(w));
        await new Promise((r) => setTimeout(r, 1500)); // every writer has a body in flight
      }
      const cpu0 = cpuSeconds(server.pid!);
      const r = await wrk(base + path);
      const cpu = cpuSeconds(server.pid!) - cpu0;
      writing = false;
      await Promise.all(running);
      if (r.non2xx > 0) throw new Error(`${path}: ${r.non2xx} non-2xx answers`);
      phases.push({ path, phase, ...r, cpu });
      process.stderr.write(
        `round ${round + 1} ${path} ${phase}: p50 ${r.p50} ms p99 ${r.p99} ms, ${r.rps} req/s, cpu ${cpu.toFixed(1)} s\n`,
      );
    }
  }
}
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
rmSync(dir, { recursive: true, force: true });

const worst = (path: string, phase: string, k: "p50" | "p99") =>
  Math.max(...phases.filter((p) => p.path === path && p.phase === phase).map((p) => p[k]));
const mean = (path: string, phase: string, k: "rps" | "cpu") => {
  const xs = phases.filter((p) => p.path === path && p.phase === phase).map((p) => p[k]);
  return xs.reduce((a, b) => a + b, 0) / xs.length;
};
console.log(
  `\nbody ${(bodyBytes / 1e6).toFixed(2)} MB, ${writers} writers, ${written} writes stored, ${failed} refused; ` +
    `wrk -c${values.connections} ${duration} s × ${rounds} rounds per phase; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}; ${execFileSync("nproc").toString().trim()} cores\n`,
);
console.log(
  "| path | idle p50 / p99 (ms) | during writes p50 / p99 (ms) | p99 ratio | idle req/s | writes req/s | server CPU s per phase idle / writes |",
);
console.log("|---|---|---|---|---|---|---|");
for (const path of PATHS) {
  const ratio = worst(path, "writes", "p99") / worst(path, "idle", "p99");
  console.log(
    `| \`GET ${path}\` | ${worst(path, "idle", "p50").toFixed(2)} / ${worst(path, "idle", "p99").toFixed(2)} | ${worst(path, "writes", "p50").toFixed(2)} / ${worst(path, "writes", "p99").toFixed(2)} | ${ratio.toFixed(2)}× | ${mean(path, "idle", "rps").toFixed(0)} | ${mean(path, "writes", "rps").toFixed(0)} | ${mean(path, "idle", "cpu").toFixed(1)} / ${mean(path, "writes", "cpu").toFixed(1)} |`,
  );
}
