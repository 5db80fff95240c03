/**
 * Soak test: minutes of mixed load on loopback against the real server (bench/soak/server.ts).
 * Readers fetch article, section, search and feed pages; editors read an article (ETag), update it
 * with If-Match, and now and then unpublish and republish it. At the end: zero 5xx, every
 * acknowledged write is in the final store, and the server's memory (after GC) is compared with
 * what it was after warm-up.
 *
 *   node --import tsx bench/soak/run.ts [--duration 300] [--warmup 30] [--readers 12] [--editors 4]
 */
import { fork } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createToken } from "../../src/auth/tokens.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { listArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { articlePath, feedPath, searchPath, sectionPath } from "../../src/web/urls.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
    readers: { type: "string", default: "12" },
    editors: { type: "string", default: "4" },
    corpus: { type: "string", default: resolve(import.meta.dirname, "../../../shared/data/bbc-news-2005") },
  },
});

function seconds(value: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m)?$/.exec(value);
  if (!m) throw new Error(`--${name} must be seconds (e.g. 300, 90s or 5m); got "${value}"`);
  return Number(m[1]) * (m[2] === "m" ? 60 : 1);
}
const durationS = seconds(values.duration, "duration");
const warmupS = Math.min(seconds(values.warmup, "warmup"), durationS / 2);
const readers = Number(values.readers);
const editors = Number(values.editors);

/** A store with the corpus imported, built once and copied for each run. */
async function prepareStore(): Promise<string> {
  const dir = join(tmpdir(), "newsdesk-soak");
  mkdirSync(dir, { recursive: true });
  const base = join(dir, "base.db");
  if (!existsSync(base)) {
    process.stderr.write("soak: importing the corpus once into a base store…\n");
    const store = await openStore(`${base}.building`);
    const result = await importInputs(store, [values.corpus]);
    await store.close();
    for (const suffix of ["-wal", "-shm"]) rmSync(`${base}.building${suffix}`, { force: true });
    copyFileSync(`${base}.building`, base);
    rmSync(`${base}.building`, { force: true });
    process.stderr.write(`soak: ${result.imported} articles\n`);
  }
  const run = join(dir, `run-${process.pid}.db`);
  copyFileSync(base, run);
  return run;
}

const dbPath = await prepareStore();
const setup = await openStore(dbPath);
const { token } = await createToken(setup, "editor", "soak editor");
const published = await listArticles(setup, { limit: 100_000 });
await setup.close();

const readPaths = [
  ...published.map((a) => articlePath(a)),
  ...new Set(published.map((a) => sectionPath(a.sectionSlug))),
  ...[
    "election",
    "minister",
    "football",
    "broadband",
    "oil price",
    "film",
    '"prime minister"',
    "games",
    "bank",
    "music",
  ].map((q) => searchPath(q)),
  feedPath("rss"),
  feedPath("atom"),
  feedPath("json"),
  ...new Set(published.map((a) => feedPath("rss", a.sectionSlug))),
];
// Each editor owns its own articles, so every acknowledged write must be the one the store keeps.
const editable = published.slice(0, editors * 25).map((a) => a.id);

const child = fork(resolve(import.meta.dirname, "server.ts"), [dbPath], {
  execArgv: ["--import", "tsx", "--expose-gc"],
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
type Message = { type: string; url?: string; rss?: number; heapUsed?: number };
const nextMessage = (type: string) =>
  new Promise<Message>((done) => {
    const on = (m: Message) => {
      if (m.type === type) {
        child.off("message", on);
        done(m);
      }
    };
    child.on("message", on);
  });
const base = (await nextMessage("ready")).url!;

const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  latencies: [] as number[],
  networkErrors: 0,
  writes: 0,
  conflicts: 0,
};
/** Article id → the summary of the last acknowledged write. */
const acknowledged = new Map<string, { summary: string; revision: number; status: string }>();
const ackedRevisions: { id: string; revision: number; summary: string }[] = [];

let stopAt = Date.now() + durationS * 1000;
let measuring = false;

/** A request with its latency and status counted (once warm-up is over); the body is read as text. */
async function timed(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; headers: Headers; text: string } | null> {
  const start = performance.now();
  try {
    const raw = await fetch(url, init);
    const res = { status: raw.status, headers: raw.headers, text: await raw.text() };
    if (measuring) {
      stats.requests++;
      stats.latencies.push(performance.now() - start);
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
    }
    return res;
  } catch {
    if (measuring) stats.networkErrors++;
    return null;
  }
}

async function reader(seed: number): Promise<void> {
  let i = seed;
  while (Date.now() < stopAt) {
    i = (i * 1103515245 + 12345) % 2147483648;
    await timed(`${base}${readPaths[i % readPaths.length]}`, { headers: { "accept-encoding": "gzip, br" } });
  }
}

async function editor(n: number): Promise<void> {
  const mine = editable.filter((_, i) => i % editors === n);
  const auth = { authorization: `Bearer ${token}` };
  let op = 0;
  while (Date.now() < stopAt) {
    const id = mine[op % mine.length];
    op++;
    const got = await timed(`${base}/api/articles/${id}`, { headers: auth });
    const etag = got?.headers.get("etag");
    if (got?.status !== 200 || !etag) continue;
    const summary = `Soak edit ${n}-${op} at ${new Date().toISOString()}`;
    const res = await timed(`${base}/api/articles/${id}`, {
      method: "PATCH",
      headers: { ...auth, "content-type": "application/json", "if-match": etag },
      body: JSON.stringify({ summary }),
    });
    if (!res) continue;
    if (res.status === 412) stats.conflicts++;
    const body =
      res.status === 200 ? (JSON.parse(res.text) as { revision: number; article: { status: string } }) : null;
    if (res.status !== 200 || !body?.revision) continue;
    stats.writes++;
    acknowledged.set(id, { summary, revision: body.revision, status: body.article!.status });
    ackedRevisions.push({ id, revision: body.revision, summary });
    if (op % 10 === 0) {
      // Take it down and put it back: two more acknowledged writes through the workflow.
      let tag = res.headers.get("etag")!;
      for (const action of ["unpublish", "publish"]) {
        const w = await timed(`${base}/api/articles/${id}/${action}`, {
          method: "POST",
          headers: { ...auth, "if-match": tag },
        });
        if (w?.status !== 200) break;
        tag = w.headers.get("etag")!;
        stats.writes++;
        const prev = acknowledged.get(id)!;
        acknowledged.set(id, {
          ...prev,
          revision: Number(tag.replaceAll('"', "")),
          status: action === "publish" ? "published" : "unpublished",
        });
      }
    }
  }
}

const memory = async () => {
  child.send("memory");
  return nextMessage("memory");
};

const started = Date.now();
stopAt = started + durationS * 1000;
const workers = [
  ...Array.from({ length: readers }, (_, i) => reader(i * 7919 + 1)),
  ...Array.from({ length: editors }, (_, i) => editor(i)),
];
await new Promise((r) => setTimeout(r, warmupS * 1000));
const afterWarmup = await memory();
measuring = true;
const measureStart = Date.now();
await Promise.all(workers);
const measuredS = (Date.now() - measureStart) / 1000;
const atEnd = await memory();
child.send("stop");
await nextMessage("stopped");

// Every acknowledged write must be in the final store.
const store = await openStore(dbPath);
let lost = 0;
for (const [id, ack] of acknowledged) {
  const row = await kyselyOf(store)
    .selectFrom("articles")
    .select(["doc", "revision"])
    .where("id", "=", id)
    .executeTakeFirst();
  const doc = row ? (JSON.parse(row.doc) as { summary: string; status: string }) : null;
  if (!doc || doc.summary !== ack.summary || doc.status !== ack.status || Number(row!.revision) !== ack.revision)
    lost++;
}
for (const w of ackedRevisions) {
  const rev = await kyselyOf(store)
    .selectFrom("revisions")
    .select("doc")
    .where("article_id", "=", w.id)
    .where("revision", "=", w.revision)
    .executeTakeFirst();
  if (!rev || (JSON.parse(rev.doc) as { summary: string }).summary !== w.summary) lost++;
}
await store.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });

stats.latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  stats.latencies[Math.min(stats.latencies.length - 1, Math.floor((p / 100) * stats.latencies.length))] ?? 0;
const fivexx = [...stats.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const rssChange = (atEnd.rss! - afterWarmup.rss!) / afterWarmup.rss!;
const heapChange = (atEnd.heapUsed! - afterWarmup.heapUsed!) / afterWarmup.heapUsed!;
const result = {
  durationS,
  measuredS: Number(measuredS.toFixed(1)),
  readers,
  editors,
  requests: stats.requests,
  requestsPerSecond: Math.round(stats.requests / measuredS),
  p50ms: Number(pct(50).toFixed(1)),
  p99ms: Number(pct(99).toFixed(1)),
  statuses: Object.fromEntries(stats.byStatus),
  fivexx,
  networkErrors: stats.networkErrors,
  acknowledgedWrites: stats.writes,
  conflicts: stats.conflicts,
  lostWrites: lost,
  memory: {
    afterWarmupRssMB: Number(mb(afterWarmup.rss!)),
    endRssMB: Number(mb(atEnd.rss!)),
    rssChangePercent: Number((rssChange * 100).toFixed(1)),
    afterWarmupHeapMB: Number(mb(afterWarmup.heapUsed!)),
    endHeapMB: Number(mb(atEnd.heapUsed!)),
    heapChangePercent: Number((heapChange * 100).toFixed(1)),
  },
};
const pass = fivexx === 0 && stats.networkErrors === 0 && lost === 0 && Math.abs(rssChange) <= 0.1;
process.stdout.write(`${JSON.stringify(result, null, 2)}\n${pass ? "PASS" : "FAIL"}\n`);
process.exitCode = pass ? 0 : 1;
