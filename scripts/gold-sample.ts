/**
 * Draws the gold-2026 annotation sample (issue 11) by a fixed seed and writes
 * test/fixtures/enrich/gold-selection.json:
 *
 *   node --import tsx scripts/gold-sample.ts
 *
 * - 24 articles from each of the five sections of ../shared/data/bbc-news-2005 (120), skipping
 *   every file named in DUPLICATES.txt and the 31 articles of quotes-gold.json/quotes-heldout.json;
 * - 10 English pages from the Zyte article-extraction benchmark (ground-truth articleBody) and
 *   10 from the Readability news pages (text of expected.html); English by franc-min on the text.
 *   Non-BBC pages longer than MAX_FOREIGN_CHARS are left out, for the annotation budget (said in
 *   the selection's note);
 * - part: 60 % "dev", 40 % "sealed" (a seeded shuffle of all 140); double: 28 articles (20 %)
 *   annotated twice, drawn in proportion from dev (17) and sealed (11).
 *
 * The seed is fixed here so that the draw can be repeated and checked; never change it.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { franc } from "franc-min";
import {
  AEB_DIR,
  aebSource,
  aebText,
  BBC_DIR,
  READABILITY_DIR,
  readabilitySource,
  readabilityText,
} from "./gold-text.ts";

export const GOLD_SEED = 20261129;
const PER_SECTION = 24;
const PER_FOREIGN_SOURCE = 10;
const MAX_FOREIGN_CHARS = 8000;
const DEV_SHARE = 0.6;
const DOUBLE_COUNT = 28;
const SECTIONS = ["business", "entertainment", "politics", "sport", "tech"] as const;
const OUT = "test/fixtures/enrich/gold-selection.json";

/** mulberry32: small, well-known 32-bit generator; enough for a reproducible draw. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

interface Selected {
  path: string;
  group: string;
  source?: ReturnType<typeof aebSource>;
  part?: "dev" | "sealed";
  double?: boolean;
}

function excludedBbcPaths(): Set<string> {
  const excluded = new Set<string>();
  for (const line of readFileSync(join(BBC_DIR, "DUPLICATES.txt"), "utf8").split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    for (const path of line.trim().split("\t")) excluded.add(path);
  }
  for (const file of ["quotes-gold.json", "quotes-heldout.json"]) {
    const gold = JSON.parse(readFileSync(join("test/fixtures/enrich", file), "utf8")) as {
      articles: { path: string }[];
    };
    for (const article of gold.articles) excluded.add(article.path);
  }
  return excluded;
}

const isEnglish = (text: string) => franc(text, { minLength: 200 }) === "eng";

function main() {
  const random = generator(GOLD_SEED);
  const excluded = excludedBbcPaths();
  const selected: Selected[] = [];
  for (const section of SECTIONS) {
    const files = readdirSync(join(BBC_DIR, section))
      .filter((name) => name.endsWith(".txt"))
      .sort()
      .map((name) => `${section}/${name}`)
      .filter((path) => !excluded.has(path));
    for (const path of shuffled(files, random).slice(0, PER_SECTION)) selected.push({ path, group: section });
  }

  const aebIds = Object.keys(JSON.parse(readFileSync(join(AEB_DIR, "ground-truth.json"), "utf8"))).sort();
  const aebPool = aebIds.filter((id) => {
    const text = aebText(id);
    return text.length <= MAX_FOREIGN_CHARS && isEnglish(text);
  });
  for (const id of shuffled(aebPool, random).slice(0, PER_FOREIGN_SOURCE)) {
    selected.push({ path: `aeb:${id}`, group: "article-extraction-benchmark", source: aebSource(id) });
  }

  const pages = readdirSync(READABILITY_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const readabilityPool = pages.filter((page) => {
    const text = readabilityText(page);
    return text.length <= MAX_FOREIGN_CHARS && isEnglish(text);
  });
  for (const page of shuffled(readabilityPool, random).slice(0, PER_FOREIGN_SOURCE)) {
    selected.push({ path: `readability:${page}`, group: "readability-news-pages", source: readabilitySource(page) });
  }

  const order = shuffled(
    selected.map((_, index) => index),
    random,
  );
  const devCount = Math.round(selected.length * DEV_SHARE);
  order.forEach((index, rank) => {
    selected[index].part = rank < devCount ? "dev" : "sealed";
  });
  const devDouble = Math.round(DOUBLE_COUNT * DEV_SHARE);
  const dev = shuffled(
    selected.filter((s) => s.part === "dev"),
    random,
  );
  const sealed = shuffled(
    selected.filter((s) => s.part === "sealed"),
    random,
  );
  for (const s of selected) s.double = false;
  for (const s of [...dev.slice(0, devDouble), ...sealed.slice(0, DOUBLE_COUNT - devDouble)]) s.double = true;

  const count = (f: (s: Selected) => boolean) => selected.filter(f).length;
  const selection = {
    seed: GOLD_SEED,
    script: "scripts/gold-sample.ts",
    note:
      `${PER_SECTION} BBC articles per section (files in DUPLICATES.txt and the 31 of quotes-gold/heldout skipped), ` +
      `${PER_FOREIGN_SOURCE} English pages from each of article-extraction-benchmark (ground-truth articleBody) and ` +
      `readability-news-pages (expected.html text), English by franc-min, non-BBC pages over ${MAX_FOREIGN_CHARS} ` +
      `characters left out for the annotation budget (pool sizes: aeb ${aebPool.length} of ${aebIds.length}, ` +
      `readability ${readabilityPool.length} of ${pages.length}). Parts by a seeded shuffle: dev ${count((s) => s.part === "dev")}, ` +
      `sealed ${count((s) => s.part === "sealed")}; double-annotated ${count((s) => s.double === true)} ` +
      `(dev ${count((s) => s.double === true && s.part === "dev")}, sealed ${count((s) => s.double === true && s.part === "sealed")}).`,
    articles: selected.map(({ path, group, source, part, double }) => ({
      path,
      group,
      part,
      double,
      ...(source ? { source } : {}),
    })),
  };
  writeFileSync(OUT, `${JSON.stringify(selection, null, 2)}\n`);
  console.log(selection.note);
}

main();
