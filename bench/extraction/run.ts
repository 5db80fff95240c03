/**
 * Scores body extraction on ../shared/data/article-extraction-benchmark with that benchmark's own
 * rules (score.ts), ours beside @mozilla/readability (on linkedom) in the same run, plus
 * throughput and peak memory. Each extractor runs in its own child process so its peak RSS is its own.
 *
 *   node --import tsx bench/extraction/run.ts [--part tuned|sealed|all] [--pages N] [--verbose]
 *                                             [--data DIR]
 *
 * Our folder holds 145 of the benchmark's 181 pages; the other 36 are held back by the data's keeper
 * and are not on this machine, so they cannot be scored here. `--data DIR` runs the same comparison
 * on another copy of the benchmark (the full 181, or the 36 alone) for whoever holds it.
 *
 * All 145 pages were tuned on in earlier rounds. For this round a fixed seed (SPLIT_SEED) sets
 * aside a sealed part of them that was not looked at while tuning: `--part tuned` (the default)
 * scores the rest and may print pages (`--verbose`); `--part sealed` prints only the totals and
 * appends one line to sealed-runs.log, so how often the sealed part was scored is on record.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { blockText } from "../../src/blocks/text.ts";
import { extractHtml } from "../../src/ingest/html/page.ts";
import { bootstrapF1, type PageScore, scorePage, summarize } from "./score.ts";

const here = dirname(fileURLToPath(import.meta.url));
const cli = process.argv.slice(2);
const DATA = cli.includes("--data")
  ? cli[cli.indexOf("--data") + 1]
  : join(here, "../../../shared/data/article-extraction-benchmark");
/** Fixed before this round's tuning began (issue 12); changing it unseals the sealed part. */
export const SPLIT_SEED = "issue12-extraction-2026-11-29";
/** Pages the issue names (the NYT and ctpost defects) are tuned on whatever the seed says. */
const NAMED_IN_ISSUE = new Set([
  "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
  "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
]);
/** One page in five, by a hash of the seed and the page id, is sealed. */
export function isSealed(id: string): boolean {
  if (NAMED_IN_ISSUE.has(id)) return false;
  return createHash("sha256").update(`${SPLIT_SEED}:${id}`).digest()[0] % 5 === 0;
}
type Truth = Record<string, { articleBody: string; url: string }>;
type Extractor = "readability" | "newsdesk";

interface WorkerResult {
  predictions: Record<string, string>;
  seconds: number;
  /** CPU time of the extraction loop: the load of other processes on the machine does not inflate it. */
  cpuSeconds: number;
  peakRssMb: number;
  failures: number;
}

/** The body text we score: text blocks and embeds (a tweet's text), not image captions, which the ground truth leaves out. */
const BODY_BLOCKS = new Set(["paragraph", "crosshead", "quote", "list", "embed"]);

function extractWith(extractor: Extractor, html: string, url: string): string {
  if (extractor === "readability") {
    const { document } = parseHTML(html);
    return new Readability(document as unknown as Document).parse()?.textContent ?? "";
  }
  const { blocks } = extractHtml(Buffer.from(html), url);
  return blocks
    .filter((b) => BODY_BLOCKS.has(b.type))
    .map(blockText)
    .join("\n");
}

function worker(extractor: Extractor, ids: string[], truth: Truth): WorkerResult {
  const pages = ids.map((id) => [id, readFileSync(join(DATA, "html", `${id}.html`), "utf8")] as const);
  const predictions: Record<string, string> = {};
  let failures = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (const [id, html] of pages) {
    try {
      predictions[id] = extractWith(extractor, html, truth[id].url);
    } catch (error) {
      failures++;
      predictions[id] = "";
      if (process.env.VERBOSE) process.stderr.write(`${extractor} ${id}: ${(error as Error).message}\n`);
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { predictions, seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024, failures };
}

function runInChild(extractor: Extractor, pages: number): WorkerResult {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--worker",
      extractor,
      "--pages",
      String(pages),
      "--part",
      part,
      "--data",
      DATA,
    ],
    {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out) as WorkerResult;
}

const args = cli;
const truth = JSON.parse(readFileSync(join(DATA, "ground-truth.json"), "utf8")) as Truth;
const pageLimit = args.includes("--pages") ? Number(args[args.indexOf("--pages") + 1]) : Number.POSITIVE_INFINITY;
const part = args.includes("--part") ? args[args.indexOf("--part") + 1] : args.includes("--data") ? "all" : "tuned";
if (!["tuned", "sealed", "all"].includes(part)) throw new Error(`--part must be tuned, sealed or all, not ${part}`);
const ids = Object.keys(truth)
  .sort()
  .filter((id) => part === "all" || (part === "sealed") === isSealed(id))
  .slice(0, pageLimit);

if (args.includes("--worker")) {
  const extractor = args[args.indexOf("--worker") + 1] as Extractor;
  process.stdout.write(JSON.stringify(worker(extractor, ids, truth)));
} else {
  const rows: string[] = [];
  let baselineCpu = 0;
  const perPage: Record<Extractor, PageScore[]> = { readability: [], newsdesk: [] };
  for (const extractor of ["readability", "newsdesk"] as const) {
    const result = runInChild(extractor, ids.length);
    // A child that extracted other pages than these would score zeros silently.
    const missing = ids.filter((id) => !(id in result.predictions));
    if (missing.length) throw new Error(`${extractor}: no prediction for ${missing.length} of ${ids.length} pages`);
    const scores = ids.map((id) => scorePage(truth[id].articleBody, result.predictions[id] ?? ""));
    perPage[extractor] = scores;
    const s = summarize(scores);
    if (extractor === "readability") baselineCpu = result.cpuSeconds;
    const name = extractor === "newsdesk" ? "Newsdesk (ours)" : "@mozilla/readability 0.6 on linkedom";
    const [lo, hi] = bootstrapF1(scores);
    rows.push(
      `| ${name} | ${s.f1.toFixed(3)} | ${lo.toFixed(3)}–${hi.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.accuracy.toFixed(3)} | ${(ids.length / result.seconds).toFixed(1)} | ${(ids.length / result.cpuSeconds).toFixed(1)} | ${(result.cpuSeconds / baselineCpu).toFixed(2)}× | ${result.peakRssMb.toFixed(0)} | ${result.failures} |`,
    );
  }
  if (args.includes("--verbose") && part !== "sealed") {
    ids.forEach((id, i) => {
      const r = perPage.readability[i];
      const n = perPage.newsdesk[i];
      console.log(
        `${id.slice(0, 8)} readability P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} | ours P ${n.precision.toFixed(3)} R ${n.recall.toFixed(3)}`,
      );
    });
  }
  const when = new Date().toISOString();
  console.log(`${ids.length} pages (part: ${part}, data: ${DATA}), ${when}, load average ${loadavg()[0].toFixed(1)}\n`);
  console.log(
    "| extractor | F1 | F1 95% bootstrap | precision | recall | accuracy | pages/s (wall) | pages per CPU-s | CPU vs readability | peak RSS MB | failures |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
  const [lo, hi] = bootstrapF1(perPage.newsdesk, perPage.readability);
  console.log(`\nF1 ours minus Readability, same pages, 95% bootstrap: ${lo.toFixed(3)} to ${hi.toFixed(3)}`);
  if (part === "sealed" && !args.includes("--data")) {
    appendFileSync(join(here, "sealed-runs.log"), `${when} scored the ${ids.length} sealed pages\n`);
  }
}
