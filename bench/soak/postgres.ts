/**
 * Soak on PostgreSQL with an outage: a cluster this script owns (never the shared one), 2 `serve`
 * and 2 `worker` processes, 200 readers, 10 editors and 2 importers for --duration seconds, and
 * PostgreSQL stopped for --outage seconds in the middle, then started again.
 *
 * Reports requests, 5xx before / during / after the outage, p99 during and outside it, acknowledged
 * and lost writes (every 200 PATCH and every imported file checked against the final store), the
 * RSS of each process after warm-up and at the end, jobs not done after the queue drains, and the
 * load average.
 *
 *   node --import tsx bench/soak/postgres.ts [--duration 600] [--outage 30] [--readers 200]
 *     [--editors 10] [--importers 2] [--warmup 60] [--articles 600]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createToken } from "../../src/auth/tokens.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { slugify } from "../../src/model/article.ts";
import { getArticle, listArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import type { JobCounts } from "../../src/store/jobs.ts";
import { openStore } from "../../src/store/open.ts";
import { articlePath, feedPath, searchPath, sectionPath } from "../../src/web/urls.ts";
import { createOwnPostgres } from "../../test/support/own-postgres.ts";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "600" },
    outage: { type: "string", default: "30" },
    warmup: { type: "string", default: "60" },
    readers: { type: "string", default: "200" },
    editors: { type: "string", default: "10" },
    importers: { type: "string", default: "2" },
    articles: { type: "string", default: "600" },
    corpus: { type: "string", default: resolve(import.meta.dirname, "../../../shared/data/bbc-news-2005") },
  },
});
const durationS = Number(values.duration);
const outageS = Number(values.outage);
const warmupS = Number(values.warmup);
const readers = Number(values.readers);
const editors = Number(values.editors);
const importers = Number(values.importers);
const cli = resolve(import.meta.dirname, "../../bin/newsdesk.js");
const log = (m: string) => process.stderr.write(`soak-pg ${new Date().toISOString().slice(11, 19)}: ${m}\n`);

const loadAtStart = loadavg();
const pg = createOwnPostgres({ max_connections: "200" });
const work = mkdtempSync(join(tmpdir(), "newsdesk-soak-pg-"));
const children: ChildProcess[] = [];
const exits: string[] = [];
const cleanup = () => {
  for (const c of children) c.kill("SIGKILL");
  pg.destroy();
  rmSync(work, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

try {
  // A base of real articles, enriched in-process (the workers then only see the soak's own jobs).
  const files = readdirSync(values.corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(values.corpus, d.name))
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(values.corpus, d.name, f)),
    )
    .sort()
    .filter((_, i) => i % Math.ceil(2225 / Number(values.articles)) === 0);
  process.env.NEWSDESK_ENRICH = "inline";
  const setup = await openStore(pg.url);
  const imported = await importInputs(setup, files);
  delete process.env.NEWSDESK_ENRICH;
  log(`base: ${imported.imported} articles from ${files.length} files`);
  // One token per editor, as in a newsroom; the API's default rate limits stay on.
  const tokens = await Promise.all(
    Array.from({ length: editors }, async (_, i) => (await createToken(setup, "editor", `soak editor ${i}`)).token),
  );
  const published = await listArticles(setup, { limit: 100_000 });
  await setup.close();

  const start = (args: string[]) => {
    const child = spawn(process.execPath, [cli, ...args, "--db", pg.url], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
    });
    child.stderr!.on("data", (d) => {
      out += d;
    });
    children.push(child);
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") {
        exits.push(`${args[0]} pid ${child.pid} exited (${code ?? signal})`);
        log(`${args[0]} pid ${child.pid} exited (${code ?? signal}): ${out.slice(-600)}`);
      }
    });
    return { child, output: () => out };
  };
  const servers = [0, 1].map(() => start(["serve", "--port", "0"]));
  for (let i = 0; i < 2; i++) start(["worker"]);
  const urls: string[] = [];
  for (const s of servers) {
    for (let i = 0; ; i++) {
      const m = / at (http:\/\/\S+)/.exec(s.output());
      if (m) {
        urls.push(m[1]);
        break;
      }
      if (i > 1800) throw new Error(`serve did not start: ${s.output()}`);
      await sleep(100);
    }
  }
  log(`servers at ${urls.join(", ")}; 2 workers`);

  const readPaths = [
    ...published.map((a) => articlePath(a)),
    ...new Set(published.map((a) => sectionPath(a.sectionSlug))),
    ...["election", "minister", "football", "broadband", "oil price", "film", '"prime minister"', "bank"].map((q) =>
      searchPath(q),
    ),
    feedPath("rss"),
    feedPath("atom"),
    ...new Set(published.map((a) => feedPath("rss", a.sectionSlug))),
  ];
  const editable = published.slice(0, editors * 10).map((a) => a.id);

  let measuring = false;
  /** Every measured request: when it started and ended, its status (0: network error), read or write. */
  const samples: { t0: number; t1: number; status: number; ms: number; write: boolean }[] = [];
  const stats = { writes: 0, refusedWrites: 0 };
  const networkCauses = new Map<string, number>();
  const acknowledged = new Map<string, { summary: string; revision: number }>();
  const ackedRevisions: { id: string; revision: number; summary: string }[] = [];
  const importedHeadlines: string[] = [];
  let importRuns = 0;
  let importFailures = 0;

  const stopAt = Date.now() + durationS * 1000;
  let rr = 0;
  const server = () => urls[rr++ % urls.length];

  async function timed(path: string, init?: RequestInit) {
    const t0 = Date.now();
    const p0 = performance.now();
    const write = (init?.method ?? "GET") !== "GET";
    try {
      const raw = await fetch(`${server()}${path}`, init);
      const res = { status: raw.status, headers: raw.headers, text: await raw.text() };
      if (measuring) samples.push({ t0, t1: Date.now(), status: res.status, ms: performance.now() - p0, write });
      return res;
    } catch (error) {
      if (measuring) {
        samples.push({ t0, t1: Date.now(), status: 0, ms: performance.now() - p0, write });
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = `${cause?.code ?? ""} ${cause?.message ?? (error as Error).message}`.trim();
        networkCauses.set(why, (networkCauses.get(why) ?? 0) + 1);
      }
      return null;
    }
  }

  async function reader(seed: number) {
    let i = seed;
    while (Date.now() < stopAt) {
      i = (i * 1103515245 + 12345) % 2147483648;
      await timed(readPaths[i % readPaths.length], { headers: { "accept-encoding": "gzip, br" } });
    }
  }

  async function editor(n: number) {
    const mine = editable.filter((_, i) => i % editors === n);
    const auth = { authorization: `Bearer ${tokens[n]}` };
    let op = 0;
    while (Date.now() < stopAt) {
      // An editor's pace: a save every second or two, not a tight loop.
      await sleep(1000);
      const id = mine[op % mine.length];
      op++;
      const got = await timed(`/api/articles/${id}`, { headers: auth });
      const etag = got?.headers.get("etag");
      if (got?.status !== 200 || !etag) {
        await sleep(500);
        continue;
      }
      const summary = `Soak edit ${n}-${op} at ${new Date().toISOString()}`;
      const res = await timed(`/api/articles/${id}`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/json", "if-match": etag },
        body: JSON.stringify({ summary }),
      });
      if (res?.status === 200) {
        const body = JSON.parse(res.text) as { revision: number };
        stats.writes++;
        acknowledged.set(id, { summary, revision: body.revision });
        ackedRevisions.push({ id, revision: body.revision, summary });
      } else {
        stats.refusedWrites++;
        await sleep(500);
      }
    }
  }

  async function importer(n: number) {
    let run = 0;
    while (Date.now() < stopAt) {
      run++;
      const dir = join(work, `import-${n}-${run}`);
      mkdirSync(dir);
      const headlines = [0, 1, 2].map((k) => `Soak import ${n} run ${run} story ${k}`);
      headlines.forEach((h, k) => {
        writeFileSync(
          join(dir, `${k}.txt`),
          `Soak\n\n${h}\n\nThe council of Wendle Valley met on ${new Date().toISOString()} about the harbour.\n\nMayor Ann Smith said "we will rebuild the sea wall" to the board.\n`,
        );
      });
      const child = spawn(process.execPath, [cli, "import", "--db", pg.url, dir], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      const code = await new Promise<number | null>((r) => child.once("exit", r));
      importRuns++;
      if (code === 0 && /imported 3,/.test(out)) importedHeadlines.push(...headlines);
      else {
        importFailures++;
        await sleep(2000);
      }
    }
  }

  const rss = (c: ChildProcess) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${c.pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };

  const loops = [
    ...Array.from({ length: readers }, (_, i) => reader(i * 7919 + 1)),
    ...Array.from({ length: editors }, (_, i) => editor(i)),
    ...Array.from({ length: importers }, (_, i) => importer(i)),
  ];
  await sleep(warmupS * 1000);
  const rssAfterWarmup = children.map(rss);
  measuring = true;
  const measureStart = Date.now();
  log(`warm-up done; measuring. RSS MB: ${rssAfterWarmup.map((r) => r.toFixed(0)).join(", ")}`);

  // The outage in the middle of the measured time.
  const outageAt = measureStart + (stopAt - measureStart - outageS * 1000) / 2;
  await sleep(Math.max(0, outageAt - Date.now()));
  const outageStart = Date.now();
  log("stopping PostgreSQL");
  pg.stop();
  await sleep(outageS * 1000);
  pg.start();
  const outageEnd = Date.now();
  log(`PostgreSQL back after ${((outageEnd - outageStart) / 1000).toFixed(1)} s`);

  await Promise.all(loops);
  const measuredS = (Date.now() - measureStart) / 1000;
  const rssAtEnd = children.map(rss);
  const loadAtEnd = loadavg();

  // Let the workers drain the queue, then count what never finished.
  const store = await openStore(pg.url);
  const db = kyselyOf(store);
  const open = (c: JobCounts) =>
    Object.values(c).reduce(
      (n, byState) => n + (byState.queued ?? 0) + (byState.retry ?? 0) + (byState.running ?? 0),
      0,
    );
  let pending = 0;
  for (let i = 0; i < 120; i++) {
    pending = open(await store.jobs.counts());
    if (pending === 0) break;
    await sleep(1000);
  }
  const jobStates: Record<string, number> = {};
  for (const byState of Object.values(await store.jobs.counts()))
    for (const [state, n] of Object.entries(byState)) jobStates[state] = (jobStates[state] ?? 0) + n;

  let lostWrites = 0;
  for (const [id, ack] of acknowledged) {
    const row = await db.selectFrom("articles").select(["doc", "revision"]).where("id", "=", id).executeTakeFirst();
    const doc = row ? (JSON.parse(row.doc) as { summary: string }) : null;
    if (!doc || doc.summary !== ack.summary || Number(row!.revision) !== ack.revision) lostWrites++;
  }
  for (const w of ackedRevisions) {
    const rev = await db
      .selectFrom("revisions")
      .select("doc")
      .where("article_id", "=", w.id)
      .where("revision", "=", w.revision)
      .executeTakeFirst();
    if (!rev || (JSON.parse(rev.doc) as { summary: string }).summary !== w.summary) lostWrites++;
  }
  // Every acknowledged import is stored, and every job of an imported article ran to the end.
  let lostImports = 0;
  const importedIds = new Set<string>();
  for (const h of importedHeadlines) {
    const found = await getArticle(store, slugify(h));
    if (found) importedIds.add(found.article.id);
    else lostImports++;
  }
  const importJobList = (await store.jobs.list({ limit: 1_000_000 })).filter((j) => importedIds.has(j.articleId));
  const importJobs = importJobList.length;
  const lostJobs = importJobList.filter((j) => j.state !== "done").length;
  await store.close();

  const p = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(0));
  };
  // A request is "during" the outage when it was in flight at any moment PostgreSQL was down.
  const phaseOf = (x: { t0: number; t1: number }) =>
    x.t1 < outageStart ? "before" : x.t0 > outageEnd ? "after" : "during";
  const byPhase = (phase: string, write?: boolean) =>
    samples.filter((x) => phaseOf(x) === phase && (write === undefined || x.write === write));
  const statuses = (xs: typeof samples) => {
    const m: Record<string, number> = {};
    for (const x of xs)
      m[x.status === 0 ? "network error" : x.status] = (m[x.status === 0 ? "network error" : x.status] ?? 0) + 1;
    return m;
  };
  const fivexx = (xs: typeof samples) => xs.filter((x) => x.status >= 500).length;
  const outside = samples.filter((x) => phaseOf(x) !== "during").map((x) => x.ms);
  const during = byPhase("during").map((x) => x.ms);
  const result = {
    durationS,
    measuredS: Number(measuredS.toFixed(0)),
    outageS: Number(((outageEnd - outageStart) / 1000).toFixed(1)),
    readers,
    editors,
    importers,
    webProcesses: 2,
    workers: 2,
    baseArticles: imported.imported,
    requests: samples.length,
    requestsPerSecond: Number((samples.length / measuredS).toFixed(1)),
    statuses: {
      before: statuses(byPhase("before")),
      during: { reads: statuses(byPhase("during", false)), writes: statuses(byPhase("during", true)) },
      after: statuses(byPhase("after")),
    },
    fivexx: {
      before: fivexx(byPhase("before")),
      duringReads: fivexx(byPhase("during", false)),
      duringWrites: fivexx(byPhase("during", true)),
      after: fivexx(byPhase("after")),
    },
    networkErrors: samples.filter((x) => x.status === 0).length,
    networkErrorCauses: Object.fromEntries(networkCauses),
    p50ms: { outside: p(outside, 0.5), during: p(during, 0.5) },
    p99ms: { outside: p(outside, 0.99), during: p(during, 0.99) },
    acknowledgedWrites: stats.writes,
    refusedWrites: stats.refusedWrites,
    lostWrites,
    importRuns,
    importFailures,
    processExits: exits,
    acknowledgedImports: importedHeadlines.length,
    lostImports,
    jobs: {
      states: jobStates,
      importJobs,
      lostJobs,
      pendingAfterDrain: pending,
    },
    rssMB: {
      processes: ["serve", "serve", "worker", "worker"],
      afterWarmup: rssAfterWarmup.map((r) => Number(r.toFixed(1))),
      end: rssAtEnd.map((r) => Number(r.toFixed(1))),
      changePercent: rssAtEnd.map((r, i) => Number((((r - rssAfterWarmup[i]) / rssAfterWarmup[i]) * 100).toFixed(1))),
    },
    loadAverage: {
      start: loadAtStart.map((l) => Number(l.toFixed(1))),
      end: loadAtEnd.map((l) => Number(l.toFixed(1))),
    },
  };
  const pass =
    result.networkErrors === 0 &&
    result.fivexx.before === 0 &&
    result.fivexx.after === 0 &&
    lostWrites === 0 &&
    lostImports === 0 &&
    lostJobs === 0 &&
    exits.length === 0;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n${pass ? "PASS" : "FAIL"}\n`);
  process.exitCode = pass ? 0 : 1;
} finally {
  cleanup();
}
