/**
 * Turns an article's text into weighted features for related-story scoring: content words
 * (lightly stemmed) and capitalised name phrases, plus entity tags when enrichment supplied them.
 * Pure functions; no store access.
 */

// Common English words and newsroom filler that say nothing about the topic.
const STOPWORDS = new Set(
  `a about above after again against all almost also although always am among an and another any anyone are
  around as at away back be became because become been before being below between both but by came can cannot
  could did do does doing done down during each either else enough even ever every few first for found from
  further get gets getting give given go goes going gone got had has have having he her here hers herself him
  himself his how however i if in including into is it its itself just last least less like likely made make
  makes making many may me might more most mostly much must my myself near need never new next no nor not now
  of off often on once one only onto or other others our ours out over own part per perhaps put rather really
  said same say saying says see seen seems several shall she should show since so some something still such
  take taken than that the their theirs them themselves then there these they thing things this those though
  three through thus to told too took two under until up upon us use used using very via want wanted was way
  we well went were what when where whether which while who whom whose why will with within without would yet
  you your yours year years time times week weeks day days month months told mr mrs ms dr bbc news also added
  people according however including around already told says just told expected early later former lot big
  set top high low second third four five six seven eight nine ten hundred thousand million billion per cent
  monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december`.split(/\s+/),
);

/** Lowercase word tokens; letters and digits only, so punctuation and markup never reach a feature. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** A light plural/possessive stemmer: enough to join "talks"/"talk" without a stemming library. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, "").replace(/['’]/g, "");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Content terms of a text: stemmed words of three or more letters that are not stopwords or numbers. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 3 || STOPWORDS.has(w) || /^\p{N}+$/u.test(w)) continue;
    const s = stem(w);
    if (s.length >= 3 && !STOPWORDS.has(s)) out.push(s);
  }
  return out;
}

/**
 * Runs of two or more capitalised words ("Patricia Hewitt", "World Trade Organisation"):
 * names of people, organisations and places, found without a tagger.
 */
export function namePhrases(text: string): string[] {
  const out: string[] = [];
  const re = /\b(?:[A-Z][\p{L}’'-]+)(?:\s+(?:of\s+|the\s+)?[A-Z][\p{L}’'-]+)+/gu;
  for (const m of text.matchAll(re)) {
    const parts = m[0].split(/\s+/).filter((p) => !STOPWORDS.has(p.toLowerCase()));
    if (parts.length >= 2) out.push(parts.map((p) => stem(p.toLowerCase())).join(" "));
  }
  return out;
}

export interface FeatureInput {
  headline: string;
  summary: string;
  body: string;
  /** Entity tags from enrichment, as `kind:tag`. */
  entities: string[];
}

/** Weight of a feature kind relative to a body word: headlines and names say more about the topic. */
const HEADLINE_BOOST = 3;
const NAME_BOOST = 1;
const ENTITY_BOOST = 2;

/** Raw term frequencies (boosted by where the term occurs); IDF is applied at scoring time. */
export function termFrequencies(input: FeatureInput): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (term: string, n: number) => tf.set(term, (tf.get(term) ?? 0) + n);
  for (const t of contentTerms(input.headline)) add(t, HEADLINE_BOOST);
  for (const t of contentTerms(`${input.summary}\n${input.body}`)) add(t, 1);
  for (const p of namePhrases(`${input.headline}\n${input.summary}\n${input.body}`)) add(`n:${p}`, NAME_BOOST);
  for (const e of input.entities) add(`e:${e}`, ENTITY_BOOST);
  return tf;
}

/** Sublinear term frequency, so one word repeated twenty times does not swamp the vector. */
export function tfWeight(tf: number): number {
  return 1 + Math.log(tf);
}

/**
 * The text's own spelling of a name feature ("charle kennedy" → "Charles Kennedy"): the first
 * capitalised phrase whose feature form matches, or undefined.
 */
export function surfaceName(text: string, feature: string): string | undefined {
  const re = /\b(?:[A-Z][\p{L}’'-]+)(?:\s+(?:of\s+|the\s+)?[A-Z][\p{L}’'-]+)+/gu;
  for (const m of text.matchAll(re)) {
    const parts = m[0].split(/\s+/).filter((p) => !STOPWORDS.has(p.toLowerCase()));
    if (parts.length >= 2 && parts.map((p) => stem(p.toLowerCase())).join(" ") === feature) return parts.join(" ");
  }
  return undefined;
}

// Adjectives of nationality the suffix rule below misses: capitalised, but naming no one subject.
const NATIONALITIES = new Set(
  "american african israeli iraqi pakistani swiss french dutch greek thai afghan korean mexican welsh scot".split(" "),
);

/**
 * The spelling of a one-word term when the text treats it as a name of its own: every occurrence
 * capitalised, most of them standing alone (not part of "San Francisco", "Half-Blood Prince" or
 * "Lib Dems", whose word alone names nothing), at least one inside a sentence, and not a
 * nationality ("Brazilian"). Undefined otherwise.
 */
export function properNoun(text: string, term: string): string | undefined {
  if (NATIONALITIES.has(term) || /(?:ian|ean|ese|ish)$/.test(term)) return undefined;
  let surface: string | undefined;
  let inside = false;
  let alone = 0;
  let seen = 0;
  const tokens = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)];
  const capital = (i: number) => i >= 0 && i < tokens.length && /^\p{Lu}/u.test(tokens[i][0]);
  for (const [i, m] of tokens.entries()) {
    const w = m[0];
    if (w.length < 3 || stem(w.toLowerCase()) !== term) continue;
    if (!/^\p{Lu}/u.test(w)) return undefined;
    seen++;
    surface ??= w.replace(/['’]s$/, "");
    const at = m.index ?? 0;
    const sentenceStart = at === 0 || /[.!?:"“‘'\n]\s*$/.test(text.slice(Math.max(0, at - 3), at));
    if (!sentenceStart) inside = true;
    // Joined to a capitalised neighbour by nothing but spaces or a hyphen: part of a longer name.
    const joined = (j: number) => {
      const o = tokens[j];
      if (!o || !capital(j)) return false;
      const [from, to] = j < i ? [(o.index ?? 0) + o[0].length, at] : [at + w.length, o.index ?? 0];
      return /^[ \t-]+$/.test(text.slice(from, to));
    };
    if (!(joined(i - 1) && !sentenceStart) && !joined(i + 1)) alone++;
  }
  return inside && alone * 2 > seen ? surface : undefined;
}
