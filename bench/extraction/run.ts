/**
 * Scores body extraction on ../shared/data/article-extraction-benchmark with that benchmark's own
 * rules (score.ts), ours beside @mozilla/readability (on linkedom) in the same run, plus
 * throughput and peak memory. Each extractor runs in its own child process so its peak RSS is its own.
 *
 *   node --import tsx bench/extraction/run.ts [--pages N] [--verbose]
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { blockText } from "../../src/blocks/text.ts";
import { extractHtml } from "../../src/ingest/html/page.ts";
import { type PageScore, scorePage, summarize } from "./score.ts";

const here = dirname(fileURLToPath(import.meta.url));
const DATA = join(here, "../../../shared/data/article-extraction-benchmark");
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
    ["--import", "tsx", fileURLToPath(import.meta.url), "--worker", extractor, "--pages", String(pages)],
    {
      maxBuffer: 256 * 1024 * 1024,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(out) as WorkerResult;
}

const args = process.argv.slice(2);
const truth = JSON.parse(readFileSync(join(DATA, "ground-truth.json"), "utf8")) as Truth;
const pageLimit = args.includes("--pages") ? Number(args[args.indexOf("--pages") + 1]) : Number.POSITIVE_INFINITY;
const ids = Object.keys(truth).sort().slice(0, pageLimit);

if (args.includes("--worker")) {
  const extractor = args[args.indexOf("--worker") + 1] as Extractor;
  process.stdout.write(JSON.stringify(worker(extractor, ids, truth)));
} else {
  const rows: string[] = [];
  let baselineCpu = 0;
  const perPage: Record<Extractor, PageScore[]> = { readability: [], newsdesk: [] };
  for (const extractor of ["readability", "newsdesk"] as const) {
    const result = runInChild(extractor, ids.length);
    const scores = ids.map((id) => scorePage(truth[id].articleBody, result.predictions[id] ?? ""));
    perPage[extractor] = scores;
    const s = summarize(scores);
    if (extractor === "readability") baselineCpu = result.cpuSeconds;
    const name = extractor === "newsdesk" ? "Newsdesk (ours)" : "@mozilla/readability 0.6 on linkedom";
    rows.push(
      `| ${name} | ${s.f1.toFixed(3)} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.accuracy.toFixed(3)} | ${(ids.length / result.seconds).toFixed(1)} | ${(ids.length / result.cpuSeconds).toFixed(1)} | ${(result.cpuSeconds / baselineCpu).toFixed(2)}× | ${result.peakRssMb.toFixed(0)} | ${result.failures} |`,
    );
  }
  if (args.includes("--verbose")) {
    ids.forEach((id, i) => {
      const r = perPage.readability[i];
      const n = perPage.newsdesk[i];
      console.log(
        `${id.slice(0, 8)} readability P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} | ours P ${n.precision.toFixed(3)} R ${n.recall.toFixed(3)}`,
      );
    });
  }
  console.log(`${ids.length} pages, ${new Date().toISOString()}\n`);
  console.log(
    "| extractor | F1 | precision | recall | accuracy | pages/s (wall) | pages per CPU-s | CPU vs readability | peak RSS MB | failures |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) console.log(row);
}
