import { readFileSync } from "node:fs";
import { join } from "node:path";
import { enrichArticle } from "../../../src/enrich/enrich.ts";
import { type Article, entityTag } from "../../../src/model/article.ts";
import { articleFromFile } from "./plain-text.ts";

export interface GoldQuote {
  key: string;
  speaker: string | null;
  type: "direct" | "indirect";
}

export interface GoldArticle {
  path: string;
  people: { name: string; aliases: string[] }[];
  quotes: GoldQuote[];
}

export interface Gold {
  corpus: string;
  articles: GoldArticle[];
}

export const GOLD_PATH = new URL("../../fixtures/enrich/quotes-gold.json", import.meta.url);
/** Annotated after tuning on the gold set, and never used for tuning. */
export const HELD_OUT_PATH = new URL("../../fixtures/enrich/quotes-heldout.json", import.meta.url);

export function loadGold(path: URL = GOLD_PATH): Gold {
  return JSON.parse(readFileSync(path, "utf8")) as Gold;
}

/** Lowercase words and digits only, so quote marks, apostrophes and spacing do not matter. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

interface Counts {
  gold: number;
  found: number;
  predicted: number;
  correct: number;
}

export interface GoldScore {
  direct: Counts;
  indirect: Counts;
  /** Matched quotes whose speaker equals the gold speaker (null matches null). */
  speakerCorrect: number;
  speakerTotal: number;
  people: { gold: number; predicted: number; correct: number };
  aliases: { gold: number; found: number };
  misses: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function rates(s: GoldScore) {
  const peopleP = ratio(s.people.correct, s.people.predicted);
  const peopleR = ratio(s.people.correct, s.people.gold);
  return {
    directRecall: ratio(s.direct.found, s.direct.gold),
    directPrecision: ratio(s.direct.correct, s.direct.predicted),
    indirectRecall: ratio(s.indirect.found, s.indirect.gold),
    indirectPrecision: ratio(s.indirect.correct, s.indirect.predicted),
    speakerAccuracy: ratio(s.speakerCorrect, s.speakerTotal),
    peopleF1: peopleP + peopleR === 0 ? 0 : (2 * peopleP * peopleR) / (peopleP + peopleR),
    aliasRecall: ratio(s.aliases.found, s.aliases.gold),
  };
}

/**
 * Scores enrichment of every gold article: a system quote matches a gold quote of the same type
 * when its text contains the gold key (one to one); people match by entity tag.
 */
export function scoreGold(gold: Gold, corpusDir: string, enrich: (a: Article) => Article = enrichArticle): GoldScore {
  const score: GoldScore = {
    direct: { gold: 0, found: 0, predicted: 0, correct: 0 },
    indirect: { gold: 0, found: 0, predicted: 0, correct: 0 },
    speakerCorrect: 0,
    speakerTotal: 0,
    people: { gold: 0, predicted: 0, correct: 0 },
    aliases: { gold: 0, found: 0 },
    misses: [],
  };
  for (const g of gold.articles) {
    const article = enrich(articleFromFile(join(corpusDir, g.path)));
    for (const type of ["direct", "indirect"] as const) {
      const golds = g.quotes.filter((q) => q.type === type);
      const predicted = article.quotes.filter((q) => q.type === type);
      const used = new Set<number>();
      score[type].gold += golds.length;
      score[type].predicted += predicted.length;
      for (const gq of golds) {
        const key = normalize(gq.key);
        const at = predicted.findIndex((q, i) => !used.has(i) && normalize(q.text).includes(key));
        if (at < 0) {
          score.misses.push(`${g.path}: missed ${type} "${gq.key}"`);
          continue;
        }
        used.add(at);
        score[type].found++;
        score.speakerTotal++;
        const said = predicted[at].speaker;
        if ((said === null ? null : normalize(said)) === (gq.speaker === null ? null : normalize(gq.speaker)))
          score.speakerCorrect++;
        else score.misses.push(`${g.path}: speaker of "${gq.key}" is ${said}, not ${gq.speaker}`);
      }
      score[type].correct += used.size;
      predicted.forEach((q, i) => {
        if (!used.has(i)) score.misses.push(`${g.path}: extra ${type} "${q.text.slice(0, 50)}" (${q.speaker})`);
      });
    }
    const goldTags = new Set(g.people.map((p) => entityTag(p.name)));
    const predictedTags = new Set(article.people.map((p) => entityTag(p.name)));
    score.people.gold += goldTags.size;
    score.people.predicted += predictedTags.size;
    for (const t of predictedTags) if (goldTags.has(t)) score.people.correct++;
    for (const t of goldTags) if (!predictedTags.has(t)) score.misses.push(`${g.path}: missed person ${t}`);
    for (const t of predictedTags) if (!goldTags.has(t)) score.misses.push(`${g.path}: extra person ${t}`);
    for (const p of g.people) {
      const found = article.people.find((x) => entityTag(x.name) === entityTag(p.name));
      const known = new Set((found?.aliases ?? []).map(normalize));
      for (const a of p.aliases) {
        score.aliases.gold++;
        if (known.has(normalize(a))) score.aliases.found++;
      }
    }
  }
  return score;
}
