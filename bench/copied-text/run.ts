/**
 * Scores the text importer on the copied-text corpus (make-corpus.ts), element by element, beside a
 * "every line is a paragraph" baseline in the same run, with bootstrap 95 % intervals over pages.
 *
 *   node --import tsx bench/copied-text/run.ts                  # the tune part only
 *   node --import tsx bench/copied-text/run.ts --part sealed    # the sealed part too (counted in sealed-runs.json)
 *   node --import tsx bench/copied-text/run.ts --errors         # tune part: print each miss and false hit
 *
 * Matching (one-to-one, greedy by score): texts are normalised (NFKC, lower case, letters and digits
 * only) and an expected item matches a predicted one of the same element when their bag-of-tokens F1
 * is ≥ 0.8 (characters for Chinese and Japanese). Image captions compare the importer's caption and
 * credit together against the figcaption. Byline: per author name, same rule. Date: the predicted
 * first-published day within one day of the page's (time zones).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseCopiedText } from "../../src/ingest/text/parse-copied-text.ts";
import type { Part } from "./split.ts";
import { type CorpusPage, normText, type PageTruth, tokenF1 } from "./truth.ts";

const here = dirname(fileURLToPath(import.meta.url));
const ELEMENTS = [
  "headline",
  "crossheads",
  "paragraphs",
  "imageCaptions",
  "mediaCaptions",
  "listItems",
  "byline",
  "date",
] as const;
type Element = (typeof ELEMENTS)[number];
const LABEL: Record<Element, string> = {
  headline: "headline",
  crossheads: "crossheads",
  paragraphs: "paragraphs",
  imageCaptions: "image captions",
  mediaCaptions: "media captions",
  listItems: "list items",
  byline: "byline (names)",
  date: "date",
};
const MATCH = 0.8;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
type PageCounts = Record<Element, Counts>;
type Prediction = PageTruth;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The text importer's reading of a copy, as the same elements the truth has. */
export function importerPrediction(copy: string): Prediction {
  const page = parseCopiedText(copy);
  const paragraphs: string[] = [];
  for (const b of page.blocks) if (b.type === "paragraph" || b.type === "quote") paragraphs.push(b.text);
  // A standfirst becomes the summary and leaves the body: it is still a paragraph of the copy.
  if (page.summary && !paragraphs.includes(page.summary)) paragraphs.unshift(page.summary);
  // The truth lists each caption of a page once (make-corpus.ts), so a caption repeated by the page
  // (a lightbox copy, a credit under several pictures) is scored once on this side too.
  const once = (items: string[]) => items.filter((t, i) => items.findIndex((u) => normText(u) === normText(t)) === i);
  return {
    headline: page.headline,
    crossheads: page.blocks.flatMap((b) => (b.type === "crosshead" ? [b.text] : [])),
    paragraphs,
    imageCaptions: once(
      page.blocks.flatMap((b) =>
        b.type === "image" && (b.caption || b.credit) ? [[b.caption, b.credit].filter(Boolean).join(" ")] : [],
      ),
    ),
    mediaCaptions: once(page.blocks.flatMap((b) => (b.type === "media" && b.caption ? [b.caption] : []))),
    listItems: page.blocks.flatMap((b) => (b.type === "list" ? b.items : [])),
    byline: page.byline.map((b) => b.name),
    date: page.published?.slice(0, 10),
  };
}

/** Every non-empty line a paragraph, nothing else recognised. */
function baselinePrediction(copy: string): Prediction {
  return {
    crossheads: [],
    paragraphs: copy
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    imageCaptions: [],
    mediaCaptions: [],
    listItems: [],
    byline: [],
  };
}

function matchTexts(expected: string[], predicted: string[], misses?: string[], extras?: string[]): Counts {
  const pairs: [number, number, number][] = [];
  const normExpected = expected.map(normText);
  const normPredicted = predicted.map(normText);
  for (let i = 0; i < expected.length; i++) {
    for (let j = 0; j < predicted.length; j++) {
      // Cheap length filter: token F1 ≥ 0.8 needs lengths within a factor of about 2.
      const a = normExpected[i].length;
      const b = normPredicted[j].length;
      if (Math.min(a, b) * 3 < Math.max(a, b)) continue;
      const score = normExpected[i] === normPredicted[j] ? 1 : tokenF1(expected[i], predicted[j]);
      if (score >= MATCH) pairs.push([score, i, j]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0]);
  const usedE = new Set<number>();
  const usedP = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedE.has(i) || usedP.has(j)) continue;
    usedE.add(i);
    usedP.add(j);
  }
  misses?.push(...expected.filter((_, i) => !usedE.has(i)));
  extras?.push(...predicted.filter((_, j) => !usedP.has(j)));
  return { tp: usedE.size, fp: predicted.length - usedP.size, fn: expected.length - usedE.size };
}

function dayDiff(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

function scorePage(truth: PageTruth, predicted: Prediction, log?: (element: Element, kind: string, t: string) => void) {
  const counts = {} as PageCounts;
  for (const element of ELEMENTS) {
    if (element === "date") {
      const ok = !!truth.date && !!predicted.date && dayDiff(truth.date, predicted.date) <= 1;
      counts.date = { tp: ok ? 1 : 0, fp: predicted.date && !ok ? 1 : 0, fn: truth.date && !ok ? 1 : 0 };
      if (!ok && (truth.date || predicted.date)) log?.("date", "expected/got", `${truth.date} / ${predicted.date}`);
      continue;
    }
    const e = element === "headline" ? (truth.headline ? [truth.headline] : []) : truth[element];
    const p = element === "headline" ? (predicted.headline ? [predicted.headline] : []) : predicted[element];
    const misses: string[] = [];
    const extras: string[] = [];
    counts[element] = matchTexts(e, p, misses, extras);
    for (const m of misses) log?.(element, "missed", m);
    for (const x of extras) log?.(element, "extra", x);
  }
  return counts;
}

/** Deterministic generator for the bootstrap (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function sum(pages: PageCounts[], element: Element): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const page of pages) {
    c.tp += page[element].tp;
    c.fp += page[element].fp;
    c.fn += page[element].fn;
  }
  return c;
}

/** Micro-averaged P/R/F1 with a 95 % percentile interval from 1,000 resamples of the pages. */
function summarise(pages: PageCounts[], element: Element) {
  const total = sum(pages, element);
  const random = rng(12);
  const fs: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const sample = Array.from({ length: pages.length }, () => pages[Math.floor(random() * pages.length)]);
    fs.push(prf(sum(sample, element)).f);
  }
  fs.sort((a, b) => a - b);
  return { ...prf(total), n: total.tp + total.fn, lo: fs[25], hi: fs[974] };
}

/** Importer F1 per element over some pages (the tests hold the tune part to floors with it). */
export function importerF1(pages: CorpusPage[]): Record<Element, number> {
  const counts = pages.map((page) => {
    let predicted: Prediction;
    try {
      predicted = importerPrediction(page.copy);
    } catch {
      predicted = baselinePrediction("");
    }
    return scorePage(page.truth, predicted);
  });
  return Object.fromEntries(ELEMENTS.map((e) => [e, prf(sum(counts, e)).f])) as Record<Element, number>;
}

const fmt = (x: number) => x.toFixed(3);

function table(part: Part, pages: CorpusPage[], failures: number, ours: PageCounts[], baseline: PageCounts[]): string {
  const rows = [
    `**${part}** part: ${pages.length} pages (${failures} refused by the importer, scored as empty)`,
    "",
    "| element | expected | importer P | importer R | importer F1 [95% CI] | baseline F1 [95% CI] |",
    "|---|---:|---:|---:|---|---|",
  ];
  for (const element of ELEMENTS) {
    const s = summarise(ours, element);
    const b = summarise(baseline, element);
    rows.push(
      `| ${LABEL[element]} | ${s.n} | ${fmt(s.p)} | ${fmt(s.r)} | **${fmt(s.f)}** [${fmt(s.lo)}, ${fmt(s.hi)}] | ${fmt(b.f)} [${fmt(b.lo)}, ${fmt(b.hi)}] |`,
    );
  }
  return rows.join("\n");
}

function main(): void {
  const corpusPath = argValue("--corpus") ?? join(here, "../../.cache/copied-text/corpus.json");
  const corpus = JSON.parse(readFileSync(corpusPath, "utf8")) as CorpusPage[];
  const parts: Part[] = argValue("--part") === "sealed" ? ["tune", "sealed"] : ["tune"];
  const showErrors = process.argv.includes("--errors");
  const only = argValue("--page");
  if (parts.includes("sealed")) {
    // Every look at the sealed part is counted, so the report can say how often it was scored.
    const countFile = join(here, "sealed-runs.json");
    const runs = JSON.parse(readFileSync(countFile, "utf8")) as { runs: { at: string; note: string }[] };
    runs.runs.push({ at: new Date().toISOString(), note: argValue("--note") ?? "" });
    writeFileSync(countFile, `${JSON.stringify(runs, null, 2)}\n`);
    process.stdout.write(`sealed part scored ${runs.runs.length} time(s) so far\n\n`);
  }
  for (const part of parts) {
    const pages = corpus.filter((p) => p.part === part && (!only || p.id.includes(only)));
    const ours: PageCounts[] = [];
    const baseline: PageCounts[] = [];
    let failures = 0;
    for (const page of pages) {
      let predicted: Prediction;
      try {
        predicted = importerPrediction(page.copy);
      } catch (error) {
        failures++;
        if (showErrors && part === "tune") process.stdout.write(`${page.id}: refused: ${(error as Error).message}\n`);
        predicted = baselinePrediction("");
      }
      const log =
        showErrors && part === "tune"
          ? (element: Element, kind: string, text: string) =>
              process.stdout.write(`${page.id} ${element} ${kind}: ${text.slice(0, 160)}\n`)
          : undefined;
      ours.push(scorePage(page.truth, predicted, log));
      baseline.push(scorePage(page.truth, baselinePrediction(page.copy)));
    }
    process.stdout.write(`${table(part, pages, failures, ours, baseline)}\n\n`);
  }
}

// Run as a script; imported (inspect.ts), it only lends importerPrediction.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
