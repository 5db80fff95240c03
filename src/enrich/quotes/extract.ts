import type { Quote } from "../../model/article.ts";
import type { Mention } from "../entities/mentions.ts";
import type { People } from "../entities/people.ts";
import type { TextUnit } from "../text-units.ts";
import { findQuoteSpans, type QuoteSpan } from "./marks.ts";
import { SpeakerFinder, type Subject } from "./speakers.ts";
import { QUOTE_VERBS, REPORTING_VERBS, VERB_FILLERS } from "./verbs.ts";

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
  return unit.sentences.find((s) => token >= s.start && token < s.end) ?? { start: 0, end: unit.tokens.length };
}

const PUNCTUATION = /^[,.;:!?'-]$/;

interface Located {
  span: QuoteSpan;
  openToken: number;
  /** Index of the closing mark's token, or tokens.length. */
  closeToken: number;
}

/** Direct and reported speech of an article, each with its speaker's canonical name. */
export function extractQuotes(units: readonly TextUnit[], people: People, mentions: readonly Mention[]): Quote[] {
  const located: Located[][] = units.map((u) =>
    findQuoteSpans(u.text).map((span) => ({
      span,
      openToken: tokenAt(u, span.open),
      closeToken: span.closed ? tokenAt(u, span.close) : u.tokens.length,
    })),
  );
  const quoted = units.map((u, i) => {
    const mask = new Uint8Array(u.tokens.length);
    for (const q of located[i]) mask.fill(1, q.openToken, q.closeToken + 1);
    return mask;
  });
  const finder = new SpeakerFinder(units, people, mentions, quoted);
  const quotes: Quote[] = [];
  let lastSpeaker: string | null = null;
  let lastQuoteUnit = -2;
  let runsOn = false;

  units.forEach((u, ui) => {
    if (u.kind === "headline") return;
    const words = u.tokens.map((t) => t.word.toLowerCase());
    for (const q of located[ui]) {
      const text = u.text
        .slice(q.span.open + 1, q.span.close)
        .trim()
        .replace(/[,]$/, "");
      const wordCount = text.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length;
      if (wordCount === 0) continue;
      const subject =
        captionSpeaker(u, ui, q, finder) ?? after(ui, q, words, finder) ?? before(u, ui, q, words, finder);
      let speaker: string | null = null;
      if (subject) speaker = finder.name(ui, subject, lastSpeaker);
      else if (q.openToken === 0 && (lastQuoteUnit === ui - 1 || runsOn) && u.kind === "body") speaker = lastSpeaker;
      // One or two words with no one saying them are scare quotes or titles.
      if (!subject && wordCount < 3) continue;
      if (!subject && speaker === null && wordCount < 6) continue;
      quotes.push({ text, speaker, type: "direct", blockIndex: u.blockIndex });
      if (speaker) lastSpeaker = speaker;
      lastQuoteUnit = ui;
    }
    runsOn = located[ui].length > 0 && !located[ui][located[ui].length - 1].span.closed;
    if (u.kind !== "body") return;
    for (const s of u.sentences) {
      if (quoted[ui].subarray(s.start, s.end).some((x) => x === 1)) continue;
      const reported = reportedSpeech(u, ui, s, words, finder);
      if (!reported) continue;
      const speaker = finder.name(ui, reported.subject, lastSpeaker);
      quotes.push({ text: reported.text, speaker, type: "indirect", blockIndex: u.blockIndex });
    }
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
  let t = q.closeToken + 1;
  if (!q.span.closed) return null;
  while (t < words.length && PUNCTUATION.test(words[t]) && t <= q.closeToken + 2) t++;
  for (let v = t; v < Math.min(words.length, t + 7); v++) {
    if (words[v] === '"' || words[v] === ".") return null;
    if (!QUOTE_VERBS.has(words[v])) continue;
    if (v === t) return finder.subjectStartingAt(ui, v + 1);
    let end = v;
    while (end > t && VERB_FILLERS.has(words[end - 1])) end--;
    return finder.subjectEndingAt(ui, end) ?? finder.subjectStartingAt(ui, t);
  }
  return null;
}

/** `Mr Cameron said: "…"` / `…called for the countries to "…"` earlier in the sentence. */
function before(u: TextUnit, ui: number, q: Located, words: readonly string[], finder: SpeakerFinder): Subject | null {
  const sentence = sentenceOf(u, q.openToken);
  for (let v = q.openToken - 1; v >= sentence.start; v--) {
    if (words[v] === '"') return null;
    if (!QUOTE_VERBS.has(words[v])) continue;
    let end = v;
    while (end > sentence.start && VERB_FILLERS.has(words[end - 1])) end--;
    return finder.subjectEndingAt(ui, end) ?? finder.nearestBefore(ui, sentence.start, end);
  }
  return null;
}

/** `Mr Medvedev said the traditions should be respected.` / `…, he said.` / `according to X`. */
function reportedSpeech(
  u: TextUnit,
  ui: number,
  s: { start: number; end: number },
  words: readonly string[],
  finder: SpeakerFinder,
): { subject: Subject; text: string } | null {
  const from = (t: number) => (t < s.end ? u.tokens[t].start : u.text.length);
  const until = (t: number) => u.tokens[Math.max(s.start, t - 1)].end;
  for (let v = s.start; v < s.end; v++) {
    const w = words[v];
    if (w === "according" && words[v + 1] === "to") {
      const subject = finder.subjectStartingAt(ui, v + 2);
      if (!subject) continue;
      const text = v > s.start ? u.text.slice(from(s.start), until(v)) : u.text.slice(from(v + 2), until(s.end));
      return { subject, text: text.replace(/[,.]\s*$/, "").trim() };
    }
    if (!REPORTING_VERBS.has(w)) continue;
    let end = v;
    while (end > s.start && VERB_FILLERS.has(words[end - 1]) && words[end - 1] !== ",") end--;
    const subject = finder.subjectEndingAt(ui, end);
    // "…, he said." / "…, said Mr Blair." closes the sentence: the report is what came before.
    const tail = words.slice(v + 1, s.end).filter((x) => !/^[.!?]$/.test(x));
    if (subject && words[end - 1] !== "," && tail.length > 2) {
      let start = v + 1;
      if (words[start] === "that") start++;
      const text = u.text
        .slice(from(start), until(s.end))
        .replace(/[.!?]$/, "")
        .trim();
      if (text.split(/\s+/).length >= 3) return { subject, text };
    }
    const closing = subject ?? finder.subjectStartingAt(ui, v + 1);
    const attributionStart = subject ? end : v;
    if (closing && attributionStart > s.start + 3 && words[attributionStart - 1] === ",") {
      const text = u.text.slice(from(s.start), until(attributionStart - 1)).trim();
      if (text.split(/\s+/).length >= 3) return { subject: closing, text };
    }
  }
  return null;
}
