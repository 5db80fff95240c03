/**
 * Shows a tune-part page of the copied-text corpus line by line: what the truth says each line is
 * (left) and what the importer made of it (right). Refuses sealed pages.
 *
 *   node --import tsx bench/copied-text/inspect.ts PAGE-ID-SUBSTRING
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toLines } from "../../src/ingest/text/copied-lines.ts";
import { importerPrediction } from "./run.ts";
import { type CorpusPage, normText, type PageTruth, tokenF1 } from "./truth.ts";

const here = dirname(fileURLToPath(import.meta.url));
const corpus = JSON.parse(readFileSync(join(here, "../../.cache/copied-text/corpus.json"), "utf8")) as CorpusPage[];
const wanted = process.argv[2] ?? "";
const page = corpus.find((p) => p.part === "tune" && p.id.includes(wanted));
if (!page) throw new Error(`no tune page matches ${wanted}`);

const SHORT: Record<string, string> = {
  headline: "H",
  crossheads: "X",
  paragraphs: "P",
  imageCaptions: "I",
  mediaCaptions: "M",
  listItems: "L",
  byline: "B",
};

function labels(t: PageTruth): [string, string][] {
  const out: [string, string][] = [];
  if (t.headline) out.push(["H", t.headline]);
  for (const k of ["crossheads", "paragraphs", "imageCaptions", "mediaCaptions", "listItems", "byline"] as const)
    for (const s of t[k]) out.push([SHORT[k], s]);
  return out;
}

function labelOf(line: string, items: [string, string][]): string {
  const n = normText(line);
  if (!n) return ".";
  for (const [k, s] of items) if (normText(s) === n) return k;
  for (const [k, s] of items) if (tokenF1(s, line) >= 0.8) return k;
  for (const [k, s] of items) if (k === "B" && n.includes(normText(s))) return k;
  for (const [k, s] of items) if (k === "I" && normText(s).includes(n) && n.length > 3) return `${k}~`;
  return ".";
}

const truth = labels(page.truth);
const pred = importerPrediction(page.copy);
const predicted = labels(pred);
process.stdout.write(`${page.id}  truth date ${page.truth.date}  predicted date ${pred.date}\n`);
for (const [i, line] of toLines(page.copy).entries()) {
  const t = labelOf(line.text, truth);
  const p = labelOf(line.text, predicted);
  const mark = t === p ? " " : "!";
  process.stdout.write(
    `${String(i).padStart(4)} ${t.padEnd(2)} ${p.padEnd(2)}${mark} ${line.blankBefore ? "¶" : " "} ${line.text.slice(0, 150)}\n`,
  );
}
