import type { Gazetteer } from "./gazetteer.ts";

/**
 * Features of one token for the entity tagger. Only the words are used (no part-of-speech
 * tags), so the same features work on CoNLL files and on our own tokenized articles.
 * Tag-dependent features (previous tags, what the document said earlier) are added by the decoder.
 */

/** Word shape with runs collapsed: "Cameron" → "Xx", "£215m" → "£dx", "U.K." → "X.X.". */
export function wordShape(word: string): string {
  let shape = "";
  let last = "";
  for (let i = 0; i < word.length && i < 24; i++) {
    const c = word.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = "X";
    else if (c >= 97 && c <= 122) k = "x";
    else if (c >= 48 && c <= 57) k = "d";
    else if (c > 127) {
      const ch = word[i];
      k = ch.toLowerCase() !== ch ? "X" : ch.toUpperCase() !== ch ? "x" : ch;
    } else k = word[i];
    if (k !== last) shape += k;
    last = k;
  }
  return shape;
}

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && word[0].toLowerCase() !== word[0]);
}

function isAllCapsSentence(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/[A-Za-z]/.test(w)) continue;
    letters++;
    if (w === w.toUpperCase()) upper++;
  }
  return letters >= 3 && upper / letters > 0.8;
}

/** How a word is written elsewhere in its document, where its own case tells nothing. */
export interface DocumentCase {
  /** Lowercase forms written in lower case mid-sentence somewhere in the document. */
  lower: Set<string>;
  /** Lowercase forms written capitalised mid-sentence (not sentence-initial, not in all-caps lines). */
  title: Set<string>;
  /** For capitalised words: the words seen next to them anywhere in the document. */
  around: Map<string, Set<string>>;
}

const AROUND_LIMIT = 12;

function addAround(around: Map<string, Set<string>>, key: string, feature: string): void {
  let set = around.get(key);
  if (!set) {
    set = new Set();
    around.set(key, set);
  }
  if (set.size < AROUND_LIMIT) set.add(feature);
}

export function documentCase(sentences: readonly (readonly string[])[]): DocumentCase {
  const lower = new Set<string>();
  const title = new Set<string>();
  const around = new Map<string, Set<string>>();
  for (const words of sentences) {
    for (let i = 0; i < words.length; i++) {
      if (!isCapitalised(words[i])) continue;
      const l = words[i].toLowerCase();
      // Context aggregation: "Pirelli" next to "shares" in one sentence helps it everywhere.
      if (i > 0) addAround(around, l, `a-1:${words[i - 1].toLowerCase()}`);
      if (i + 1 < words.length) addAround(around, l, `a+1:${words[i + 1].toLowerCase()}`);
    }
    if (isAllCapsSentence(words)) continue;
    for (let i = 1; i < words.length; i++) {
      const w = words[i];
      const prev = words[i - 1];
      // After a quote mark or colon a sentence may restart; such capitals prove nothing.
      if (prev === '"' || prev === ":" || prev === "``") continue;
      if (isCapitalised(w)) title.add(w.toLowerCase());
      else if (/^[a-z]/.test(w)) lower.add(w);
    }
  }
  return { lower, title, around };
}

/**
 * The tag-independent features of the tokens of one sentence, built on first use: the decoder
 * skips most lowercase tokens, and both passes share what was built.
 */
export class SentenceFeatures {
  private readonly lowers: string[];
  private readonly shapes: string[];
  private readonly allCaps: boolean;
  private known: string[][] | undefined;
  private listed: string[][] | undefined;
  private readonly cache: (string[] | undefined)[];
  /**
   * Training only: tokens whose own identity is hidden (as if the word were new), so the
   * tagger learns to name words from their shape, context and lists, as it must for unseen names.
   */
  hidden: Set<number> | undefined;

  constructor(
    private readonly words: readonly string[],
    private readonly docCase: DocumentCase,
    private readonly gazetteer?: Gazetteer,
  ) {
    this.lowers = words.map((w) => w.toLowerCase());
    this.shapes = words.map(wordShape);
    this.allCaps = isAllCapsSentence(words);
    this.cache = new Array(words.length);
  }

  /** Features of the token in its context (neighbours, position, phrase matches). */
  context(i: number): string[] {
    const cached = this.cache[i];
    if (cached) return cached;
    const { words, lowers, shapes, allCaps, docCase } = this;
    const n = words.length;
    const w = words[i];
    const l = lowers[i];
    const s = shapes[i];
    const prevL = i > 0 ? lowers[i - 1] : "<s>";
    const nextL = i + 1 < n ? lowers[i + 1] : "</s>";
    const prevS = i > 0 ? shapes[i - 1] : "<s>";
    const nextS = i + 1 < n ? shapes[i + 1] : "</s>";
    const own = this.hidden?.has(i) ? UNKNOWN : l;
    const f: string[] = [
      `w-1:${prevL}`,
      `w+1:${nextL}`,
      `w-2:${i > 1 ? lowers[i - 2] : "<s>"}`,
      `w+2:${i + 2 < n ? lowers[i + 2] : "</s>"}`,
      `s-1:${prevS}`,
      `s+1:${nextS}`,
      `ss:${prevS}|${s}|${nextS}`,
      `ww-1:${prevL}|${own}`,
      `ww+1:${own}|${nextL}`,
      `ws-1:${prevL}|${s}`,
      `ws+1:${s}|${nextL}`,
      `W-1:${i > 0 ? words[i - 1] : "<s>"}`,
      `W+1:${i + 1 < n ? words[i + 1] : "</s>"}`,
      `sw:${prevS}|${own}`,
    ];
    if (i === 0) f.push("first");
    if (allCaps) f.push(`A:${s}`);
    // A capital that may only mark a sentence start or a headline: ask the rest of the document.
    if ((i === 0 || allCaps || words[i - 1] === '"') && isCapitalised(w)) {
      const lowerSeen = docCase.lower.has(l);
      const titleSeen = docCase.title.has(l);
      f.push(`dc:${lowerSeen ? "l" : ""}${titleSeen ? "t" : ""}`);
    }
    if (this.gazetteer) {
      this.known ??= this.gazetteer.features(lowers);
      for (const g of this.known[i]) f.push(g, `${g}|${s}`);
      const lexicon = this.gazetteer.lexicon;
      if (lexicon) {
        this.listed ??= lexicon.features(words, lowers, allCaps);
        for (const g of this.listed[i]) f.push(g);
      }
    }
    this.cache[i] = f;
    return f;
  }

  /**
   * Features of the word itself, the same wherever it stands in the document (spelling,
   * shape, affixes, gazetteer word types, neighbours elsewhere): the decoder scores them once
   * per word and document.
   */
  word(i: number): string[] {
    const w = this.words[i];
    const l = this.lowers[i];
    const s = this.shapes[i];
    const f: string[] = this.hidden?.has(i) ? ["b", `w:${UNKNOWN}`, `s:${s}`] : ["b", `w:${l}`, `s:${s}`, `W:${w}`];
    // Affixes as written: "has" must not share "h" and "ha" with "Hans".
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      f.push(`p${k}:${w.slice(0, k)}`);
      f.push(`x${k}:${w.slice(len - k)}`);
    }
    if (len > 1 && w.includes("-")) f.push("hy");
    if (this.gazetteer) {
      for (const g of this.gazetteer.wordFeatures(l)) f.push(g, `${g}|${s}`);
      if (this.gazetteer.lexicon) for (const g of this.gazetteer.lexicon.wordFeatures(l)) f.push(g);
    }
    const seen = this.docCase.around.get(l);
    if (seen) for (const a of seen) f.push(a);
    return f;
  }

  /** Every tag-independent feature of token i. */
  at(i: number): string[] {
    return this.word(i).concat(this.context(i));
  }

  wordAt(i: number): string {
    return this.words[i];
  }
}

const UNKNOWN = "<unk>";

/** Features of one document's sentences, shared by the passes that tag it. */
export function documentFeatures(sentences: readonly (readonly string[])[], gazetteer?: Gazetteer): SentenceFeatures[] {
  const docCase = documentCase(sentences);
  return sentences.map((words) => new SentenceFeatures(words, docCase, gazetteer));
}
