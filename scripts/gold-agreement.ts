/**
 * Inter-annotator agreement on the double-annotated part of gold-2026 (issue 11):
 *
 *   node --import tsx scripts/gold-agreement.ts [--first FILE] [--second FILE|git:REF:PATH] [--json]
 *
 * Defaults: annotator A = test/fixtures/enrich/gold-2026.json; annotator B =
 * test/fixtures/enrich/gold-2026-second.json if present, else the same path on branch i11-gold2.
 * Only articles flagged `double` and present in both files count.
 *
 * Figures (each with a bootstrap 95 % interval over articles, fixed seed):
 * - quote detection F1 between annotators (all quotes, direct only, indirect only); two quotes are
 *   the same when their keys locate the same place in the article (keys start within a few
 *   characters of each other, or one key's span covers the other's start);
 * - on matched quotes: type agreement (direct/indirect) with Cohen's kappa, speaker agreement
 *   (same canonical name, or one annotator's name is a form the other listed for that entity;
 *   null = null) with Cohen's kappa, and kappa on "named vs null";
 * - entities: F1 per type (people, organisations, places) and type-blind, matching an entity when
 *   any of its forms equals any form of the other annotator's entity; Cohen's kappa on the type of
 *   entities both annotators found.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { goldText } from "./gold-text.ts";

interface Quote {
  key: string;
  speaker: string | null;
  type: "direct" | "indirect";
}
interface Entity {
  name: string;
  aliases: string[];
}
interface Article {
  path: string;
  part: string;
  double: boolean;
  source?: { corpus: string; file: string; field: string };
  quotes: Quote[];
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
}
interface GoldFile {
  articles: Article[];
}

const ENTITY_TYPES = ["people", "organisations", "places"] as const;
type EntityType = (typeof ENTITY_TYPES)[number];
const BOOTSTRAP_SEED = 20261129;
const BOOTSTRAP_ROUNDS = 2000;
/** Normalised characters two keys of the same quote may start apart (a "that", a dropped word). */
const KEY_START_TOLERANCE = 12;

const { values } = parseArgs({
  options: {
    first: { type: "string", default: "test/fixtures/enrich/gold-2026.json" },
    second: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

function loadGold(where: string): GoldFile {
  let text: string;
  if (where.startsWith("git:")) {
    const [, ref, ...path] = where.split(":");
    try {
      text = execFileSync("git", ["show", `${ref}:${path.join(":")}`], { encoding: "utf8", stdio: "pipe" });
    } catch {
      throw new Error(`${where}: not found (has branch ${ref} committed the file?)`);
    }
  } else {
    if (!existsSync(where)) throw new Error(`${where}: file not found`);
    text = readFileSync(where, "utf8");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const gold = parsed as GoldFile;
  if (!Array.isArray(gold?.articles)) throw new Error(`${where}: field "articles" must be an array`);
  for (const [index, article] of gold.articles.entries()) {
    if (typeof article.path !== "string") throw new Error(`${where}: articles[${index}].path must be a string`);
    article.quotes ??= [];
    for (const type of ENTITY_TYPES) article[type] ??= [];
  }
  return gold;
}

/** Lowercase letters and digits, single spaces: what both annotators' keys are compared in. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .replace(/(^| )'+|'+( |$)/g, " ")
    .replace(/ +/g, " ")
    .trim();
}

const normalizeName = (name: string) => normalize(name).replace(/^the /, "").replace(/'s$/, "");

// ---------- matching ----------

interface LocatedQuote extends Quote {
  start: number;
  end: number;
}

function occurrences(text: string, key: string): number[] {
  const found: number[] = [];
  if (!key) return found;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) found.push(at);
  return found;
}

/**
 * Places each key in the text. A short key can occur several times ("failure" inside an earlier
 * quote "lost trust and failure to deliver"): keys with fewer occurrences are placed first, and a
 * key takes its first occurrence not inside a span another key of the same annotator already took.
 */
function locate(quotes: Quote[], text: string): LocatedQuote[] {
  const located: LocatedQuote[] = quotes.map((quote) => ({ ...quote, start: -1, end: -1 }));
  const candidates = quotes.map((quote) => occurrences(text, normalize(quote.key)));
  const order = quotes.map((_, index) => index).sort((x, y) => candidates[x].length - candidates[y].length);
  const taken: [number, number][] = [];
  for (const index of order) {
    const length = normalize(quotes[index].key).length;
    const free = candidates[index].find((at) => !taken.some(([start, end]) => at >= start && at < end));
    const start = free ?? candidates[index][0] ?? -1;
    if (start < 0) continue;
    located[index].start = start;
    located[index].end = start + length;
    taken.push([start, start + length]);
  }
  return located;
}

/** One-to-one pairs of quotes that point at the same place, closest starts first. */
function matchQuotes(a: LocatedQuote[], b: LocatedQuote[]): [number, number][] {
  const candidates: { i: number; j: number; distance: number }[] = [];
  a.forEach((qa, i) => {
    b.forEach((qb, j) => {
      if (qa.start < 0 || qb.start < 0) {
        if (normalize(qa.key) === normalize(qb.key)) candidates.push({ i, j, distance: 0 });
        return;
      }
      const distance = Math.abs(qa.start - qb.start);
      const covers = (qa.start <= qb.start && qb.start < qa.end) || (qb.start <= qa.start && qa.start < qb.end);
      if (distance <= KEY_START_TOLERANCE || covers) candidates.push({ i, j, distance });
    });
  });
  candidates.sort((x, y) => x.distance - y.distance || (a[x.i].type === b[x.j].type ? -1 : 1));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

const forms = (entity: Entity) => new Set([entity.name, ...entity.aliases].map(normalizeName).filter(Boolean));

function matchEntities(a: Entity[], b: Entity[]): [number, number][] {
  const formsA = a.map(forms);
  const formsB = b.map(forms);
  const pairs: [number, number][] = [];
  const usedB = new Set<number>();
  // Canonical names first, so "Tony Blair" pairs with "Tony Blair" before an alias "Blair" does.
  for (const exactOnly of [true, false]) {
    a.forEach((ea, i) => {
      if (pairs.some(([pi]) => pi === i)) return;
      const j = b.findIndex((eb, jj) => {
        if (usedB.has(jj)) return false;
        if (exactOnly) return normalizeName(ea.name) === normalizeName(eb.name);
        return [...formsA[i]].some((form) => formsB[jj].has(form));
      });
      if (j >= 0) {
        usedB.add(j);
        pairs.push([i, j]);
      }
    });
  }
  return pairs;
}

/** Speakers agree when equal, or when one is a form the other annotator gave for that entity. */
function sameSpeaker(sa: string | null, sb: string | null, articleA: Article, articleB: Article): boolean {
  if (sa === null || sb === null) return sa === sb;
  const na = normalizeName(sa);
  const nb = normalizeName(sb);
  if (na === nb) return true;
  const entitiesA = ENTITY_TYPES.flatMap((type) => articleA[type]);
  const entitiesB = ENTITY_TYPES.flatMap((type) => articleB[type]);
  const entityA = entitiesA.find((e) => normalizeName(e.name) === na);
  const entityB = entitiesB.find((e) => normalizeName(e.name) === nb);
  return Boolean((entityA && forms(entityA).has(nb)) || (entityB && forms(entityB).has(na)));
}

// ---------- per-article counts ----------

interface Counts {
  quotes: { a: number; b: number; matched: number };
  direct: { a: number; b: number; matched: number };
  indirect: { a: number; b: number; matched: number };
  /** Matched quote pairs: [type A, type B], [speaker same?], [named A?, named B?], speaker labels. */
  typePairs: [string, string][];
  speakerSame: boolean[];
  namedPairs: [string, string][];
  speakerLabels: [string, string][];
  entities: Record<EntityType | "any", { a: number; b: number; matched: number }>;
  entityTypePairs: [string, string][];
  disagreements: string[];
}

function compareArticle(articleA: Article, articleB: Article): Counts {
  const text = normalize(goldText(articleA));
  const quotesA = locate(articleA.quotes, text);
  const quotesB = locate(articleB.quotes, text);
  const disagreements: string[] = [];
  for (const q of [...quotesA, ...quotesB]) {
    if (q.start < 0) disagreements.push(`${articleA.path}: key not found in text: "${q.key}"`);
  }
  const pairs = matchQuotes(quotesA, quotesB);
  const counts: Counts = {
    quotes: { a: quotesA.length, b: quotesB.length, matched: pairs.length },
    direct: { a: 0, b: 0, matched: 0 },
    indirect: { a: 0, b: 0, matched: 0 },
    typePairs: [],
    speakerSame: [],
    namedPairs: [],
    speakerLabels: [],
    entities: {
      people: { a: 0, b: 0, matched: 0 },
      organisations: { a: 0, b: 0, matched: 0 },
      places: { a: 0, b: 0, matched: 0 },
      any: { a: 0, b: 0, matched: 0 },
    },
    entityTypePairs: [],
    disagreements,
  };
  for (const type of ["direct", "indirect"] as const) {
    counts[type].a = quotesA.filter((q) => q.type === type).length;
    counts[type].b = quotesB.filter((q) => q.type === type).length;
    // Detection per type: matched pairs on which both annotators chose this type.
    counts[type].matched = pairs.filter(([i, j]) => quotesA[i].type === type && quotesB[j].type === type).length;
  }
  const matchedA = new Set(pairs.map(([i]) => i));
  const matchedB = new Set(pairs.map(([, j]) => j));
  for (const [i, j] of pairs) {
    const qa = quotesA[i];
    const qb = quotesB[j];
    counts.typePairs.push([qa.type, qb.type]);
    const same = sameSpeaker(qa.speaker, qb.speaker, articleA, articleB);
    counts.speakerSame.push(same);
    counts.namedPairs.push([qa.speaker === null ? "null" : "named", qb.speaker === null ? "null" : "named"]);
    const labelA = qa.speaker === null ? "null" : `${articleA.path}|${normalizeName(qa.speaker)}`;
    counts.speakerLabels.push([
      labelA,
      same ? labelA : qb.speaker === null ? "null" : `${articleA.path}|${normalizeName(qb.speaker)}`,
    ]);
    if (!same) disagreements.push(`${articleA.path}: speaker "${qa.key}": A ${qa.speaker} / B ${qb.speaker}`);
    if (qa.type !== qb.type) disagreements.push(`${articleA.path}: type "${qa.key}": A ${qa.type} / B ${qb.type}`);
  }
  quotesA.forEach((q, i) => {
    if (!matchedA.has(i)) disagreements.push(`${articleA.path}: only A: ${q.type} "${q.key}"`);
  });
  quotesB.forEach((q, j) => {
    if (!matchedB.has(j)) disagreements.push(`${articleA.path}: only B: ${q.type} "${q.key}"`);
  });

  for (const type of ENTITY_TYPES) {
    const entityPairs = matchEntities(articleA[type], articleB[type]);
    counts.entities[type] = { a: articleA[type].length, b: articleB[type].length, matched: entityPairs.length };
    const pairedA = new Set(entityPairs.map(([i]) => i));
    const pairedB = new Set(entityPairs.map(([, j]) => j));
    articleA[type].forEach((e, i) => {
      if (!pairedA.has(i)) disagreements.push(`${articleA.path}: ${type} only A: ${e.name}`);
    });
    articleB[type].forEach((e, j) => {
      if (!pairedB.has(j)) disagreements.push(`${articleA.path}: ${type} only B: ${e.name}`);
    });
  }
  // Type-blind: every entity of either annotator, whatever type it was given.
  const allA = ENTITY_TYPES.flatMap((type) => articleA[type].map((e) => ({ e, type })));
  const allB = ENTITY_TYPES.flatMap((type) => articleB[type].map((e) => ({ e, type })));
  const anyPairs = matchEntities(
    allA.map((x) => x.e),
    allB.map((x) => x.e),
  );
  counts.entities.any = { a: allA.length, b: allB.length, matched: anyPairs.length };
  counts.entityTypePairs = anyPairs.map(([i, j]) => [allA[i].type, allB[j].type]);
  return counts;
}

// ---------- statistics ----------

function f1(parts: { a: number; b: number; matched: number }[]): number {
  const a = parts.reduce((s, p) => s + p.a, 0);
  const b = parts.reduce((s, p) => s + p.b, 0);
  const matched = parts.reduce((s, p) => s + p.matched, 0);
  return a + b === 0 ? 1 : (2 * matched) / (a + b);
}

function share(flags: boolean[]): number {
  return flags.length === 0 ? 1 : flags.filter(Boolean).length / flags.length;
}

/** Cohen's kappa for two raters over nominal labels; 1 when both raters use one label throughout. */
function kappa(pairs: [string, string][]): number {
  if (pairs.length === 0) return Number.NaN;
  const observed = pairs.filter(([x, y]) => x === y).length / pairs.length;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const [x, y] of pairs) {
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  let expected = 0;
  for (const [label, n] of countA) expected += (n / pairs.length) * ((countB.get(label) ?? 0) / pairs.length);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

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

type Statistic = (articles: Counts[]) => number;

const STATISTICS: Record<string, Statistic> = {
  "quote detection F1 (all)": (c) => f1(c.map((x) => x.quotes)),
  "direct quote F1": (c) => f1(c.map((x) => x.direct)),
  "indirect (reported) F1": (c) => f1(c.map((x) => x.indirect)),
  "quote type agreement (matched)": (c) => share(c.flatMap((x) => x.typePairs.map(([p, q]) => p === q))),
  "quote type kappa": (c) => kappa(c.flatMap((x) => x.typePairs)),
  "speaker agreement (matched)": (c) => share(c.flatMap((x) => x.speakerSame)),
  "speaker kappa": (c) => kappa(c.flatMap((x) => x.speakerLabels)),
  "named-vs-null speaker kappa": (c) => kappa(c.flatMap((x) => x.namedPairs)),
  "people F1": (c) => f1(c.map((x) => x.entities.people)),
  "organisations F1": (c) => f1(c.map((x) => x.entities.organisations)),
  "places F1": (c) => f1(c.map((x) => x.entities.places)),
  "entities F1 (type-blind)": (c) => f1(c.map((x) => x.entities.any)),
  "entity type kappa (found by both)": (c) => kappa(c.flatMap((x) => x.entityTypePairs)),
};

function bootstrap(articles: Counts[], statistic: Statistic): [number, number] {
  const random = generator(BOOTSTRAP_SEED);
  const samples: number[] = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round++) {
    const sample = articles.map(() => articles[Math.floor(random() * articles.length)]);
    const value = statistic(sample);
    if (!Number.isNaN(value)) samples.push(value);
  }
  samples.sort((x, y) => x - y);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.floor(q * samples.length)))];
  return [at(0.025), at(0.975)];
}

// ---------- main ----------

function main() {
  const secondWhere =
    values.second ??
    (existsSync("test/fixtures/enrich/gold-2026-second.json")
      ? "test/fixtures/enrich/gold-2026-second.json"
      : "git:i11-gold2:test/fixtures/enrich/gold-2026-second.json");
  const first = loadGold(values.first!);
  const second = loadGold(secondWhere);
  const byPathB = new Map(second.articles.map((a) => [a.path, a]));
  const overlap = first.articles.filter((a) => a.double && byPathB.has(a.path));
  if (overlap.length === 0) throw new Error(`no double-flagged article of ${values.first} is in ${secondWhere}`);
  const counts = overlap.map((a) => compareArticle(a, byPathB.get(a.path)!));
  const flagged = first.articles.filter((a) => a.double).length;

  const rows = Object.entries(STATISTICS).map(([name, statistic]) => {
    const value = statistic(counts);
    const [low, high] = bootstrap(counts, statistic);
    return { name, value, low, high };
  });
  const totals = {
    articles: overlap.length,
    flagged,
    parts: {
      dev: overlap.filter((a) => a.part === "dev").length,
      sealed: overlap.filter((a) => a.part === "sealed").length,
    },
    quotesA: counts.reduce((s, c) => s + c.quotes.a, 0),
    quotesB: counts.reduce((s, c) => s + c.quotes.b, 0),
    quotesMatched: counts.reduce((s, c) => s + c.quotes.matched, 0),
    entitiesA: counts.reduce((s, c) => s + c.entities.any.a, 0),
    entitiesB: counts.reduce((s, c) => s + c.entities.any.b, 0),
  };
  if (values.json) {
    console.log(JSON.stringify({ totals, rows, disagreements: counts.flatMap((c) => c.disagreements) }, null, 2));
    return;
  }
  console.log(
    `Agreement on ${totals.articles} of ${flagged} double-annotated articles (dev ${totals.parts.dev}, sealed ${totals.parts.sealed}); ` +
      `quotes A ${totals.quotesA}, B ${totals.quotesB}, matched ${totals.quotesMatched}; entities A ${totals.entitiesA}, B ${totals.entitiesB}. ` +
      `Bootstrap over articles, ${BOOTSTRAP_ROUNDS} rounds, seed ${BOOTSTRAP_SEED}.\n`,
  );
  console.log("| figure | value | 95% interval |\n|---|---|---|");
  for (const row of rows)
    console.log(`| ${row.name} | ${row.value.toFixed(3)} | ${row.low.toFixed(3)}–${row.high.toFixed(3)} |`);
}

try {
  main();
} catch (error) {
  console.error(`gold-agreement: ${(error as Error).message}`);
  process.exitCode = 1;
}
