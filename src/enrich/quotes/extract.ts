import type { Quote } from "../../model/article.ts";
import type { Mention } from "../entities/mentions.ts";
import type { People } from "../entities/people.ts";
import type { TextUnit } from "../text-units.ts";
import { findQuoteSpans, type QuoteSpan } from "./marks.ts";
import { SpeakerFinder, type Subject } from "./speakers.ts";
import {
  ADMISSIONS,
  COUNTED,
  NEEDS_THAT,
  NOT_AFTER_VERB,
  NOT_SUBJECT,
  QUOTE_VERBS,
  REPORTING_VERBS,
  VERB_FILLERS,
} from "./verbs.ts";

/** First token index at or after a character offset. */
function tokenAt(unit: TextUnit, offset: number): number {
  let lo = 0;
  let hi = unit.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (unit.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentenceOf(unit: TextUnit, token: number): { start: number; end: number } {
  const sentences = unit.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= token) lo = mid + 1;
    else if (sentences[mid].start > token) hi = mid - 1;
    else return sentences[mid];
  }
  return { start: 0, end: unit.tokens.length };
}

function sentenceIndex(unit: TextUnit, token: number): number {
  const sentences = unit.sentences;
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= token) lo = mid + 1;
    else if (sentences[mid].start > token) hi = mid - 1;
    else return mid;
  }
  return sentences.length;
}

/** Where a pronoun subject stands, else the fallback token. */
const pronounAt = (subject: Subject, fallback: number) => (subject.kind === "pronoun" ? subject.token : fallback);

const PUNCTUATION = /^[,.;:!?'-]$/;

interface Located {
  span: QuoteSpan;
  openToken: number;
  /** Index of the closing mark's token, or where the quote stopped. */
  closeToken: number;
}

/** A quote with the attribution sieve that gave its speaker, for measuring each sieve. */
export type TracedQuote = Quote & {
  /** "pattern/resolution": how the speaker's mention was found, then how it was linked to an entity. */
  sieve: string;
};

type DirectSieve = (
  u: TextUnit,
  ui: number,
  q: Located,
  words: readonly string[],
  finder: SpeakerFinder,
) => Subject | null;

/**
 * Attribution sieves for a direct quote, most precise first; the first that finds a speaker
 * mention decides. Continuations (a quote opening a sentence, a second quote in a sentence) come
 * after these, and pronouns, roles and definite organisations are linked to entities by the
 * SpeakerFinder (see `resolution`).
 */
const DIRECT_SIEVES: [string, DirectSieve][] = [
  ["caption", (u, ui, q, _w, finder) => captionSpeaker(u, ui, q, finder)],
  ["adjacent-after", (_u, ui, q, words, finder) => after(ui, q, words, finder)],
  ["adjacent-before", (u, ui, q, words, finder) => before(u, ui, q, words, finder)],
  ["closing", (u, ui, q, words, finder) => closingAttribution(u, ui, q, words, finder)],
];

/** How a speaker mention became an entity: its name, a pronoun, a role, a definite organisation. */
function resolution(subject: Subject): string {
  switch (subject.kind) {
    case "person":
      return subject.byRole ? "role" : "name";
    case "organisation":
      return subject.definite ? "definite-organisation" : "organisation";
    case "pronoun":
      return "pronoun";
    case "it":
      return "it";
    case "they":
      return "they";
    case "unnamed":
      return "unnamed";
  }
}

/** Direct and reported speech of an article, each with its speaker's canonical name. */
export function extractQuotes(
  units: readonly TextUnit[],
  people: People,
  mentions: readonly Mention[],
  canonical: (name: string) => string = (n) => n,
): TracedQuote[] {
  const located: Located[][] = units.map((u) =>
    findQuoteSpans(u.text).map((span) => ({
      span,
      openToken: tokenAt(u, span.open),
      closeToken: span.close >= u.text.length ? u.tokens.length : tokenAt(u, span.close),
    })),
  );
  const quoted = units.map((u, i) => {
    const mask = new Uint8Array(u.tokens.length);
    for (const q of located[i]) mask.fill(1, q.openToken, q.span.closed ? q.closeToken + 1 : q.closeToken);
    return mask;
  });
  const finder = new SpeakerFinder(units, people, mentions, quoted, canonical);
  const quotes: TracedQuote[] = [];
  let lastSpeaker: string | null = null;
  let lastQuoteUnit = -2;
  let lastQuoteSentence = -1;
  /** Unattributed parts of a quote still open (no closing mark yet), by index in `quotes`. */
  let chain: number[] = [];
  /** Where the last speaker spoke: unit and sentence index. */
  let spokeAt = { unit: -2, sentence: -2 };

  units.forEach((u, ui) => {
    if (u.kind === "headline") return;
    const words = u.tokens.map((t) => t.word.toLowerCase());
    const introduced = (q: Located) => finder.introducedSpeaker(ui, q.openToken);
    /** The last speaker when they spoke in this sentence or the one before it, no one else named since. */
    const salient = (token: number): string | null => {
      const here = sentenceIndex(u, token);
      const near =
        (spokeAt.unit === ui && here - spokeAt.sentence <= 1) ||
        (spokeAt.unit === ui - 1 && here === 0 && spokeAt.sentence === units[ui - 1].sentences.length - 1);
      if (!near || lastSpeaker === null) return null;
      // "For Richard Tateson, …. "…," he said.": someone else named since the last speaker spoke.
      const from =
        spokeAt.unit !== ui
          ? 0
          : u.sentences[Math.min(spokeAt.sentence, here) + (spokeAt.sentence < here ? 1 : 0)].start;
      const named = finder.namedOutsideQuotes(ui, Math.min(from, token), token);
      named.delete(lastSpeaker);
      return named.size === 0 ? lastSpeaker : null;
    };
    const direct = (q: Located) => {
      const text = u.text
        .slice(q.span.open + 1, q.span.close)
        .trim()
        .replace(/,$/, "");
      const wordCount = text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
      if (wordCount === 0) return;
      let subject: Subject | null = null;
      let sieve = "none/unattributed";
      for (const [name, find] of DIRECT_SIEVES) {
        subject = find(u, ui, q, words, finder);
        if (subject) {
          sieve = name;
          break;
        }
      }
      let speaker: string | null = null;
      if (subject) {
        const inside = finder.peopleWithin(ui, q.openToken, q.closeToken);
        speaker = finder.name(ui, subject, lastSpeaker, inside, salient(pronounAt(subject, q.openToken)));
        sieve = `${sieve}/${resolution(subject)}`;
      } else if (u.kind === "body" && q.openToken === sentenceOf(u, q.openToken).start && introduced(q) >= 0) {
        // The sentence before introduced who speaks next, without a reporting verb.
        speaker = people.people[introduced(q)].name;
        sieve = "introduced/name";
      } else if (u.kind === "body" && lastQuoteUnit >= ui - 1 && q.openToken === sentenceOf(u, q.openToken).start) {
        // A quote that opens a sentence with no one named carries on the last speaker's words.
        speaker = lastSpeaker;
        sieve = "continuation/previous-speaker";
      } else if (lastQuoteUnit === ui && lastQuoteSentence === sentenceOf(u, q.openToken).start) {
        // A second quote in the sentence, with no one new named: the same speaker's words.
        speaker = lastSpeaker;
        sieve = "same-sentence/previous-speaker";
      }
      // A word or two with no one named as saying them are scare quotes or titles.
      if (!subject && wordCount < 3) return;
      if (!subject && speaker === null && wordCount < 6) return;
      // A quote run over several paragraphs names its speaker at its end (`"…. ¶ "…," said X.`):
      // the unattributed parts before belong to X, not to whoever spoke before.
      if (subject && chain.length > 0 && /^(adjacent-after|closing)\//.test(sieve)) {
        for (const i of chain) {
          quotes[i].speaker = speaker;
          quotes[i].sieve = `chain/${resolution(subject)}`;
        }
      }
      if (q.span.closed || subject) chain = [];
      if (!q.span.closed && !subject) chain.push(quotes.length);
      quotes.push({ text, speaker, type: "direct", blockIndex: u.blockIndex, sieve });
      lastSpeaker = speaker;
      lastQuoteUnit = ui;
      lastQuoteSentence = sentenceOf(u, q.openToken).start;
      spokeAt = { unit: ui, sentence: sentenceIndex(u, q.openToken) };
    };
    const reportBeforeQuote = (pre: { start: number; end: number }) => {
      const opensWithColon = words[pre.end - 1] === ":";
      for (const reported of reportedSpeech(u, ui, pre, words, finder, true)) {
        if (!/^(reported-subject|coordinated|participle|second-verb)$/.test(reported.pattern)) continue;
        const clause = reported.text.split(/\s+/);
        // `said the deal was "a disaster"`: the quote is the report's own words (GUIDELINES 1).
        // A new clause before the quote, not a quote that goes on the report: `…, but "should learn…"`.
        const joined =
          !/^(and|but|or|,)$/.test(words[pre.end - 1] ?? "") &&
          clause.slice(3, -2).some((w) => w === "and" || w === "but" || w.endsWith(","));
        if (clause.length < 5 || !(opensWithColon || joined)) continue;
        const speaker = finder.name(ui, reported.subject, lastSpeaker);
        quotes.push({
          text: reported.text.replace(/[\s:,]+$/, ""),
          speaker,
          type: "indirect",
          blockIndex: u.blockIndex,
          sieve: `${reported.pattern}/${resolution(reported.subject)}`,
        });
      }
    };
    const report = (sentence: { start: number; end: number }) => {
      // In a sentence with a quote, only what follows the last quote can be a separate report:
      // `"…," Mr Fox said, adding that the party was not afraid of scrutiny.`
      let s = sentence;
      const marks = quoted[ui].subarray(sentence.start, sentence.end);
      const firstQuoted = marks.indexOf(1);
      // A report before the sentence's quote, when the quote is not its object:
      // `Mr Clarke said the police backed his measures and it would be "rash" to…`,
      // `Katrina Bull said Mr Blair had shown he could rouse the grassroots: "I think…"`.
      if (firstQuoted >= 5) reportBeforeQuote({ start: sentence.start, end: sentence.start + firstQuoted });
      const lastQuoted = marks.lastIndexOf(1);
      if (lastQuoted >= 0) {
        if (!located[ui].some((q) => q.span.closed && q.closeToken === sentence.start + lastQuoted)) return;
        s = { start: sentence.start + lastQuoted + 1, end: sentence.end };
        if (s.end - s.start < 5) return;
      }
      for (const reported of reportedSpeech(u, ui, s, words, finder, lastQuoted >= 0)) {
        const speaker = finder.name(
          ui,
          reported.subject,
          lastSpeaker,
          undefined,
          salient(pronounAt(reported.subject, s.start)),
        );
        // A named reporter is who the next unattributed quote carries on from.
        if (speaker !== null && reported.subject.kind !== "unnamed") {
          lastSpeaker = speaker;
          lastQuoteUnit = ui;
          lastQuoteSentence = -1;
          spokeAt = { unit: ui, sentence: sentenceIndex(u, s.start) };
        }
        quotes.push({
          text: reported.text,
          speaker,
          type: "indirect",
          blockIndex: u.blockIndex,
          sieve: `${reported.pattern}/${resolution(reported.subject)}`,
        });
      }
    };
    // Quotes and reports in text order, so "the last speaker" is the one a reader last met.
    let next = 0;
    const pending = located[ui];
    for (const sentence of u.kind === "body" ? u.sentences : []) {
      while (next < pending.length && pending[next].openToken < sentence.end) direct(pending[next++]);
      report(sentence);
    }
    while (next < pending.length) direct(pending[next++]);
  });
  return quotes;
}

/** `Name: "…"` in a media caption. */
function captionSpeaker(u: TextUnit, ui: number, q: Located, finder: SpeakerFinder): Subject | null {
  if (u.kind !== "caption" || q.openToken < 2 || u.tokens[q.openToken - 1].word !== ":") return null;
  return finder.subjectEndingAt(ui, q.openToken - 1) ?? finder.subjectStartingAt(ui, 0);
}

/** `"…," he said.` / `"…," said Mr Cameron.` right after the closing mark. */
function after(ui: number, q: Located, words: readonly string[], finder: SpeakerFinder): Subject | null {
  if (!q.span.closed) return null;
  let t = q.closeToken + 1;
  while (t < words.length && PUNCTUATION.test(words[t]) && t <= q.closeToken + 2) t++;
  if (words[t - 1] === ".") return null;
  // `… called this "…" but the government said …`: a new clause, with its own speaker.
  if (words[t] === "but" || words[t] === "while" || words[t] === "whereas") return null;
  // A quote that ends its sentence ("…money.") is not closed by the next sentence's verb.
  if (/^[.!?]$/.test(words[q.closeToken - 1] ?? "") && /^\p{Lu}/u.test(finderWord(finder, ui, t))) return null;
  for (let v = t; v < Math.min(words.length, t + 12); v++) {
    if (words[v] === '"' || words[v] === "." || (words[v] === ":" && v > t)) return null;
    if (!QUOTE_VERBS.has(words[v])) continue;
    // `…whether it had been "parked" in the interests of trade, Mr Cameron said: "…"`: the verb
    // introduces the next quote.
    if (words[v + 1] === ":") return null;
    if (v === t) return finder.subjectStartingAt(ui, v + 1);
    let end = v;
    while (end > t && VERB_FILLERS.has(words[end - 1])) end--;
    // `"…," Emmanuel Ferry, from Exane BNP Paribas, told Reuters`: the person named first speaks.
    const first = finder.subjectStartingAt(ui, t);
    if (first?.kind === "person" && words.slice(t, end).includes(",")) return first;
    return finder.subjectEndingAt(ui, end) ?? finder.namedWithin(ui, t, end) ?? { kind: "unnamed" };
  }
  // `"…", Rabbi Marvin Hier, founder of the Simon Wiesenthal Center said.`: a long description.
  const named = finder.subjectStartingAt(ui, t);
  if (named?.kind === "person") {
    let v = t;
    while (v < words.length && v - t < 30 && !/^[.!?"]$/.test(words[v])) v++;
    if (words[v] === "." && QUOTE_VERBS.has(words[v - 1])) return named;
  }
  return null;
}

/** `Mr Cameron said: "…"` / `…called for the countries to "…"` earlier in the sentence. */
function before(u: TextUnit, ui: number, q: Located, words: readonly string[], finder: SpeakerFinder): Subject | null {
  const sentence = sentenceOf(u, q.openToken);
  for (let v = q.openToken - 1; v >= sentence.start; v--) {
    if (words[v] === '"') return null;
    if (!QUOTE_VERBS.has(words[v])) continue;
    // "Asked by the BBC whether it had been "parked"": the asker's word, not a quote.
    if (words[v + 1] === "by" && (v === sentence.start || PASSIVE.has(words[v - 1]))) continue;
    // "He is described as "…"" with no one named as describing: a label, not his words.
    if (PASSIVE.has(words[v - 1]) && words[v + 1] === "as" && !words.slice(q.closeToken, sentence.end).includes("by"))
      return null;
    let end = v;
    while (end > sentence.start && VERB_FILLERS.has(words[end - 1])) end--;
    // "Paul Boateng MP, Labour's Chief Secretary to the Treasury, said:": the name before the aside.
    if (words[v - 1] === ",") {
      let aside = v - 2;
      while (aside > sentence.start && words[aside] !== "," && v - aside <= 20) aside--;
      // A post-nominal ("MP") may sit between the name and the comma.
      const named =
        words[aside] !== ","
          ? null
          : (finder.subjectEndingAt(ui, aside) ??
            (/^\p{Lu}{2,3}$/u.test(finder.word(ui, aside - 1)) ? finder.subjectEndingAt(ui, aside - 1) : null));
      if (named?.kind === "person") return named;
    }
    return (
      finder.subjectEndingAt(ui, end) ??
      finder.nearestBefore(ui, sentence.start, end) ??
      finder.organisationWithin(ui, sentence.start, end) ?? { kind: "unnamed" }
    );
  }
  // "She went on: "…"": whoever the sentence is about, when a colon opens the quote.
  if (words[q.openToken - 1] === ":") return finder.nearestBefore(ui, sentence.start, q.openToken - 1);
  return null;
}

/** `There was an "absolute crisis" in …, the committee added.`: the sentence names its source last. */
function closingAttribution(
  u: TextUnit,
  ui: number,
  q: Located,
  words: readonly string[],
  finder: SpeakerFinder,
): Subject | null {
  if (!q.span.closed) return null;
  const sentence = sentenceOf(u, q.openToken);
  let last = sentence.end;
  while (last > q.closeToken + 1 && /^[.!?"]$/.test(words[last - 1])) last--;
  const v = last - 1;
  // "…", the report found.`: a finding names the quote's source too.
  if (v <= q.closeToken || !(QUOTE_VERBS.has(words[v]) || FINDINGS.has(words[v]))) return null;
  let comma = v - 1;
  while (comma > q.closeToken && words[comma] !== "," && v - comma <= 12) comma--;
  if (words[comma] !== ",") return null;
  let end = v;
  while (end > comma + 1 && VERB_FILLERS.has(words[end - 1])) end--;
  return finder.subjectEndingAt(ui, end) ?? finder.namedWithin(ui, comma + 1, end) ?? { kind: "unnamed" };
}

const FINDINGS = new Set(["found", "finds", "concluded", "concludes"]);
const PASSIVE = new Set(["was", "were", "been", "is", "are", "be", "being"]);
const PROMISES = new Set(["vowed", "promised", "pledged", "promises", "vows", "pledges", "promising"]);

const finderWord = (finder: SpeakerFinder, ui: number, t: number) => finder.word(ui, t);

const clean = (text: string) => text.replace(/^[\s,:;-]+|[\s,.;:!?-]+$/g, "");
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Reported speech in one sentence: `Mr Medvedev said the traditions should be respected.`,
 * `…, the Lib Dems say.`, `According to INSEE, …`.
 */
type Report = { subject: Subject; text: string; pattern: string };

/** Reporting words of two tokens: "pointed out that…", "made clear that…". */
const PHRASAL = new Map([
  ["pointed", "out"],
  ["points", "out"],
  ["made", "clear"],
  ["makes", "clear"],
]);
/** Participles that open a second report of the clause's subject: "…, saying the plan was flawed". */
const PARTICIPLES = new Set([
  "saying",
  "adding",
  "telling",
  "warning",
  "insisting",
  "arguing",
  "claiming",
  "stating",
  "noting",
  "explaining",
  "admitting",
  "stressing",
]);
/** Words that may stand between "and"/"but" and a second reporting verb: "and also said", "but he added". */
const SECOND_VERB_FILLERS = new Set(["also", "then", "later", "he", "she", "it", "they", "has", "had", "have"]);

/**
 * Reported speech in one sentence: `Mr Medvedev said the traditions should be respected.`,
 * `…, the Lib Dems say.`, `According to INSEE, …`; several reports when the clause goes on with
 * another reporting verb (`… said X and added that Y`, `…, saying Y`).
 */
function reportedSpeech(
  u: TextUnit,
  ui: number,
  s: { start: number; end: number },
  words: readonly string[],
  finder: SpeakerFinder,
  afterQuote = false,
  depth = 0,
): Report[] {
  const first = firstReport(u, ui, s, words, finder, afterQuote);
  if (!first) return [];
  const reports =
    first.report.pattern === "reported-subject" ||
    first.report.pattern === "coordinated" ||
    first.report.pattern === "participle"
      ? splitReports(u, ui, first.verbEnd, s, words, finder, first.report)
      : [first.report];
  // A report inside the report: "saying Mr Oaten had initially said he accepted…" (one level).
  if (depth === 0 && first.verbEnd < s.end - 4 && first.report.pattern !== "reported-closing") {
    const inner = reportedSpeech(u, ui, { start: first.verbEnd, end: s.end }, words, finder, afterQuote, 1);
    for (const r of inner) if (r.subject.kind !== "unnamed" && !reports.some((x) => x.text === r.text)) reports.push(r);
  }
  return reports;
}

/** `X said A and added that B`: the report of A stops where the second verb's conjunction stands. */
function splitReports(
  u: TextUnit,
  ui: number,
  from: number,
  s: { start: number; end: number },
  words: readonly string[],
  finder: SpeakerFinder,
  report: Report,
): Report[] {
  let last = s.end;
  while (last > s.start && /^[.!?]$/.test(words[last - 1])) last--;
  const out: Report[] = [];
  let current = report;
  let start = from;
  for (let c = from + 3; c < last - 3; c++) {
    if (words[c] !== "and" && words[c] !== "but" && words[c] !== ",") continue;
    let v = c + 1;
    while (v < last && v - c <= 2 && SECOND_VERB_FILLERS.has(words[v])) v++;
    const verb = words[v];
    const participle = words[c] === "," && PARTICIPLES.has(verb);
    // Speech verbs only: "…and believe the executive is shirking" is a second belief, left in the first.
    if (!participle && (words[c] === "," || !(QUOTE_VERBS.has(verb) || verb === "called"))) continue;
    if (NOT_AFTER_VERB.has(words[v + 1] ?? "") && verb !== "called") continue;
    if (verb === "called" && words[v + 1] !== "on" && words[v + 1] !== "for") continue;
    const body = v + 1;
    if (last - body < 3) continue;
    // The first report stops before the conjunction.
    const text = clean(u.text.slice(u.tokens[start].start, u.tokens[c - 1].end));
    if (wordsIn(text) < 3) continue;
    out.push({ ...current, text });
    const pronoun = SECOND_VERB_FILLERS.has(words[v - 1]) && /^(he|she|it|they)$/.test(words[v - 1]);
    const subject = pronoun ? (finder.subjectEndingAt(ui, v) ?? current.subject) : current.subject;
    current = { subject, text: "", pattern: participle ? "participle" : "second-verb" };
    start = body;
    c = body;
  }
  const text = clean(u.text.slice(u.tokens[start].start, u.tokens[Math.max(start, last - 1)].end));
  if (wordsIn(text) >= 3) out.push({ ...current, text });
  return out;
}

function firstReport(
  u: TextUnit,
  ui: number,
  s: { start: number; end: number },
  words: readonly string[],
  finder: SpeakerFinder,
  /** The stretch follows a quote: its closing attribution belongs to the quote, not to a report. */
  afterQuote = false,
): { report: Report; verbEnd: number } | null {
  const from = (t: number) => (t < s.end ? u.tokens[t].start : u.text.length);
  const until = (t: number) => u.tokens[Math.max(s.start, Math.min(t, s.end) - 1)].end;
  const found = (report: Report, verbEnd: number) => ({ report, verbEnd });
  let last = s.end;
  while (last > s.start && /^[.!?]$/.test(words[last - 1])) last--;
  for (let v = s.start; v < last; v++) {
    const w = words[v];
    if (w === "according" && words[v + 1] === "to" && !afterQuote) {
      let comma = v + 2;
      while (comma < last && words[comma] !== ",") comma++;
      // "according to reports from Russian News Agency Interfax", "… drawn up by France's Le
      // Figaro newspaper", "according to the report": the source named in the phrase.
      const subject = finder.subjectStartingAt(ui, v + 2) ??
        finder.namedWithin(ui, v + 2, comma) ??
        finder.subjectEndingAt(ui, comma) ?? { kind: "unnamed" };
      let text = v > s.start + 2 ? u.text.slice(from(s.start), until(v)) : u.text.slice(from(comma + 1), until(last));
      // "The problem, according to Mr Lane, is not…": the sentence around the aside.
      if (words[v - 1] === "," && comma < last && wordsIn(clean(text)) < 4)
        text = `${u.text.slice(from(s.start), until(v - 1))} ${u.text.slice(from(comma + 1), until(last))}`;
      if (wordsIn(clean(text)) >= 3) return found({ subject, text: clean(text), pattern: "according-to" }, v);
      continue;
    }
    // "pointed out that…": the second word belongs to the verb.
    const phrasal = PHRASAL.get(w) === words[v + 1];
    // "vowed to put Africa first" reports a promise; "claims of", "said to be" do not report.
    if (!REPORTING_VERBS.has(w) && !phrasal && !(PARTICIPLES.has(w) && words[v - 1] === ",")) continue;
    if (phrasal) {
      if (words[v - 1] !== "," && NOT_SUBJECT.has(words[v - 1] ?? "")) continue;
      const subject = finder.subjectEndingAt(ui, v) ?? finder.clauseSubject(ui, s.start, v) ?? { kind: "unnamed" };
      const body = v + 2;
      const text = clean(u.text.slice(from(body), until(last)));
      if (wordsIn(text) >= 3) return found({ subject, text, pattern: "reported-subject" }, body);
      continue;
    }
    if (NOT_AFTER_VERB.has(words[v + 1] ?? "") && !(words[v + 1] === "to" && PROMISES.has(w))) continue;
    if (ADMISSIONS.has(w) && COUNTED.test(words[v + 1] ?? "")) continue;
    // "…, the Lib Dems say." / "…, said Mr Blair." at the end: the report is what came before the comma.
    let comma = v - 1;
    while (comma > s.start && words[comma] !== "," && v - comma <= 14) comma--;
    // After the verb, nothing or only who said it: "…, he said." / "…, said Mr Blair."
    const after = v + 1 < last ? finder.subjectStartingAt(ui, v + 1) : null;
    const trailing = v + 1 === last || (after !== null && after.kind !== "unnamed" && last - v <= 8);
    // Not "…, it has been confirmed" (no one speaks) nor "…, which the government had predicted".
    const relative = words.slice(comma + 1, v).some((x) => x === "which" || x === "who" || x === "that");
    if (
      !afterQuote &&
      trailing &&
      words[comma] === "," &&
      comma > s.start + 2 &&
      !PASSIVE.has(words[v - 1]) &&
      !relative
    ) {
      let end = v;
      while (end > comma + 1 && VERB_FILLERS.has(words[end - 1])) end--;
      const subject =
        finder.subjectEndingAt(ui, end) ??
        after ??
        finder.namedWithin(ui, comma + 1, end) ??
        ({ kind: "unnamed" } as const);
      const text = clean(u.text.slice(from(s.start), until(comma)));
      if (wordsIn(text) >= 3) return found({ subject, text, pattern: "reported-closing" }, v);
    }
    // "Then, says Mr Kotamaraja, the blogging world found out." / "Iraq, they insisted, would not…":
    // an aside between commas names the speaker of the sentence around it.
    if (!afterQuote && QUOTE_VERBS.has(w) && (words[comma] === "," || words[v - 1] === ",")) {
      let close = v + 1;
      while (close < last && words[close] !== "," && close - v <= 8) close++;
      const open = words[v - 1] === "," ? v - 1 : comma;
      const shape = close === v + 1 || (v === open + 1 && close - v <= 6);
      if (shape && words[close] === "," && open >= s.start && v - open <= 5 && last - close > 3) {
        let end = v;
        while (end > open + 1 && VERB_FILLERS.has(words[end - 1])) end--;
        const subject =
          (v === open + 1 ? after : finder.subjectEndingAt(ui, end)) ??
          finder.namedWithin(ui, open + 1, close) ??
          ({ kind: "unnamed" } as const);
        const before = open > s.start ? u.text.slice(from(s.start), until(open)) : "";
        const text = clean(`${before} ${u.text.slice(from(close + 1), until(last))}`);
        if (wordsIn(text) >= 4 && (subject.kind !== "unnamed" || v > open + 1))
          return found({ subject, text, pattern: "reported-aside" }, close);
      }
    }
    if (NEEDS_THAT.has(w) && words[v + 1] !== "that") continue;
    // "Mr Fox said, adding that…": the participle carries the report.
    if (words[v + 1] === "," && PARTICIPLES.has(words[v + 2] ?? "")) continue;
    // "Mr Medvedev said the…", "Scottish ministers insist they…".
    let end = v;
    while (end > s.start && VERB_FILLERS.has(words[end - 1]) && words[end - 1] !== ",") end--;
    if (end === s.start) continue;
    // "The International Energy Agency (IEA) warned": the name before the bracket.
    if (words[end - 1] === ")" && words[end - 3] === "(") end -= 3;
    let subject: Subject | null = null;
    let pattern = "reported-subject";
    if (PARTICIPLES.has(w) && words[v - 1] === ",") {
      // "The government refused, saying it was too complex": the clause's subject reports.
      subject = finder.clauseSubject(ui, s.start, v - 1) ?? { kind: "unnamed" };
      pattern = "participle";
    } else if ((words[end - 1] === "and" || words[end - 1] === "but") && end - 1 > s.start + 1) {
      // "Symbian played down the program and said few people would fall victim": the same subject.
      subject = finder.clauseSubject(ui, s.start, end - 1) ?? { kind: "unnamed" };
      pattern = "coordinated";
    } else if (words[end - 1] === ",") {
      // "Sir Andrew Green, chairman of the organisation, says": the name before the aside.
      let aside = end - 2;
      while (aside > s.start && words[aside] !== "," && end - aside <= 20) aside--;
      if (words[aside] !== "," || aside <= s.start) continue;
      // "His party leader, Michael Howard, argued": the name in the aside is the subject.
      const named = end - 1 - aside <= 4 ? finder.subjectEndingAt(ui, end - 1) : null;
      subject = (named?.kind === "person" && !named.byRole ? named : null) ??
        finder.subjectEndingAt(ui, aside) ??
        finder.namedWithin(ui, s.start, aside) ?? { kind: "unnamed" };
    } else {
      const previous = words[end - 1];
      if (NOT_SUBJECT.has(previous) || !/^[\p{L}\p{N}'’]/u.test(previous)) continue;
      subject = finder.subjectEndingAt(ui, end) ?? finder.organisationWithin(ui, s.start, end) ?? { kind: "unnamed" };
    }
    const text = clean(u.text.slice(from(v + 1), until(last)));
    if (wordsIn(text) < 3) continue;
    return found({ subject, text, pattern }, v + 1);
  }
  return null;
}
