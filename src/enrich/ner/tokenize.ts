/** A token of running text with its place in the source string. */
export interface Token {
  /** The form the tagger sees: curly quotes and apostrophes made straight, as in CoNLL. */
  word: string;
  start: number;
  end: number;
}

// Acronyms with dots (U.S.), words with inner apostrophes, hyphens, dots or ampersands
// (co-operation, O'Brien, AT&T, 1.5), else any single non-space character. Every repeated
// group starts with a character the one before cannot match, so matching stays linear.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*|\S/gu;
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

// A Map, not an object: a word such as "valueOf" must not find Object.prototype's members.
const STRAIGHT = new Map([
  ["“", '"'],
  ["”", '"'],
  ["„", '"'],
  ["«", '"'],
  ["»", '"'],
  ["‘", "'"],
  ["’", "'"],
]);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = m.index;
    const clitic = raw.length > 2 ? CLITIC.exec(raw) : null;
    if (clitic) {
      const head = clitic[1];
      tokens.push({ word: head, start, end: start + head.length });
      tokens.push({ word: clitic[2].replace("’", "'"), start: start + head.length, end: start + raw.length });
      continue;
    }
    tokens.push({ word: STRAIGHT.get(raw) ?? raw.replace(/’/g, "'"), start, end: start + raw.length });
  }
  return tokens;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "prof",
  "gen",
  "col",
  "capt",
  "lt",
  "sgt",
  "rev",
  "jr",
  "sr",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "vs",
  "v",
  "mt",
  "fig",
]);

/** Splits tokens into sentences at . ! ? followed by a capital, a quote mark or the end. */
export function splitSentences(tokens: readonly Token[]): Token[][] {
  const sentences: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    current.push(t);
    if (t.word !== "." && t.word !== "!" && t.word !== "?") continue;
    const prev = tokens[i - 1];
    if (
      t.word === "." &&
      prev &&
      prev.end === t.start &&
      (ABBREVIATIONS.has(prev.word.toLowerCase()) || /^\p{Lu}$/u.test(prev.word))
    )
      continue;
    // A closing quote mark belongs to the sentence it ends.
    let j = i + 1;
    while (j < tokens.length && (tokens[j].word === '"' || tokens[j].word === "'" || tokens[j].word === ")")) {
      if (tokens[j].start !== tokens[j - 1].end) break;
      current.push(tokens[j]);
      j++;
    }
    const next = tokens[j];
    if (!next || /^[\p{Lu}\p{N}"'(]/u.test(next.word)) {
      sentences.push(current);
      current = [];
    }
    i = j - 1;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
