import { spansFromTags } from "./spans.ts";

/** One sentence of a CoNLL file: its tokens and their gold NER tags (last column). */
export interface ConllSentence {
  words: string[];
  gold: string[];
}

export type ConllDocument = ConllSentence[];

/**
 * Parses CoNLL-2003 text: documents split at `-DOCSTART-` lines, sentences at blank lines,
 * the NER tag in the last whitespace-separated column. Text before any -DOCSTART- is one document.
 */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = [];
  let sentence: ConllSentence = { words: [], gold: [] };
  const endSentence = () => {
    if (sentence.words.length > 0) doc.push(sentence);
    sentence = { words: [], gold: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.length > 0) docs.push(doc);
    doc = [];
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === "-DOCSTART-") {
      endDocument();
      continue;
    }
    sentence.words.push(cols[0]);
    sentence.gold.push(cols.length > 1 ? cols[cols.length - 1] : "O");
  }
  endDocument();
  return docs;
}

/** Every annotated entity of the documents as "TYPE<TAB>words joined by spaces". */
export function entityStrings(docs: readonly ConllDocument[]): Set<string> {
  const names = new Set<string>();
  for (const doc of docs)
    for (const s of doc)
      for (const span of spansFromTags(s.gold))
        names.add(`${span.type}\t${s.words.slice(span.start, span.end).join(" ")}`);
  return names;
}
