import { type ConllDocument, parseConll } from "./conll.ts";
import { recognizeDocument } from "./decode.ts";
import { defaultRecognizer } from "./model.ts";
import { EntityScore, prf, SCORED_TYPES } from "./score.ts";

export interface ConllEvaluation {
  documents: number;
  sentences: number;
  tokens: number;
  score: EntityScore;
  /** Per document, per sentence: the predicted tag of every token (IOB2). */
  predicted: string[][][];
  docs: ConllDocument[];
}

/** A tagger over one document's sentences of words, returning one IOB tag per token. */
export type DocumentTagger = (sentences: string[][]) => string[][];

export const ourTagger: DocumentTagger = (sentences) => {
  const { model, gazetteer } = defaultRecognizer();
  return recognizeDocument(model, gazetteer, sentences);
};

/** Tags every document of a CoNLL file and scores PER/ORG/LOC spans as conlleval does. */
export function evaluateConll(text: string, tagger: DocumentTagger = ourTagger): ConllEvaluation {
  const docs = parseConll(text);
  const score = new EntityScore();
  const predicted: string[][][] = [];
  let sentences = 0;
  let tokens = 0;
  for (const doc of docs) {
    const tags = tagger(doc.map((s) => s.words));
    predicted.push(tags);
    for (const [i, s] of doc.entries()) {
      score.addSentence(s.gold, tags[i]);
      sentences++;
      tokens += s.words.length;
    }
  }
  return { documents: docs.length, sentences, tokens, score, predicted, docs };
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

/** The report `newsdesk eval conll` prints. */
export function formatEvaluation(e: ConllEvaluation, file: string): string {
  const rows = [["type", "gold", "predicted", "correct", "precision", "recall", "F1"]];
  for (const type of SCORED_TYPES) {
    const c = e.score.byType.get(type)!;
    const p = prf(c);
    rows.push([
      type,
      String(c.gold),
      String(c.predicted),
      String(c.correct),
      pct(p.precision),
      pct(p.recall),
      pct(p.f1),
    ]);
  }
  const total = e.score.overall();
  const p = prf(total);
  rows.push([
    "overall",
    String(total.gold),
    String(total.predicted),
    String(total.correct),
    pct(p.precision),
    pct(p.recall),
    pct(p.f1),
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "),
  );
  return [
    `${file}: ${e.documents} documents, ${e.sentences} sentences, ${e.tokens} tokens`,
    "Exact-match entity spans (type and both boundaries), micro-averaged over PER, ORG, LOC.",
    "MISC is not scored: MISC spans, gold or predicted, are left out of every count.",
    ...table,
    "",
  ].join("\n");
}

/** `token gold predicted` per line, a blank line between sentences. */
export function formatPredictions(e: ConllEvaluation): string {
  const lines: string[] = [];
  for (const [d, doc] of e.docs.entries()) {
    for (const [s, sentence] of doc.entries()) {
      for (const [i, word] of sentence.words.entries())
        lines.push(`${word} ${sentence.gold[i]} ${e.predicted[d][s][i]}`);
      lines.push("");
    }
  }
  return lines.join("\n");
}
