import { type DocumentPassOptions, documentPass } from "./document-pass.ts";
import { documentFeatures, type SentenceFeatures } from "./features.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { allowedAfter, TAG_COUNT, TAGS } from "./tagset.ts";

/** Anything that can add a feature's weights to per-tag scores: the trained model or the trainer. */
export interface FeatureScorer {
  addScores(feature: string, scores: Float64Array): void;
}

/** Called by the trainer for each token with its features and the tag it predicted. */
export type OnToken = (features: string[], predicted: number, sentence: number, token: number) => number;

const START = "<s>";

function startsName(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  if (c < 65 && !(c >= 48 && c <= 57)) return word.length > 1;
  return true;
}

/**
 * Greedy left-to-right tagging of one document. Besides the local window it uses the tags
 * already given to the same word earlier in the document, so "Cameron" keeps the type it
 * got as "David Cameron". `onToken` lets training correct the tag before it becomes history.
 */
export function tagDocument(
  scorer: FeatureScorer,
  gazetteer: Gazetteer | undefined,
  sentences: readonly (readonly string[])[],
  onToken?: OnToken,
  features: SentenceFeatures[] = documentFeatures(sentences, gazetteer),
): string[][] {
  const memory = new Map<string, string>();
  const scores = new Float64Array(TAG_COUNT);
  // Scores of word-level features, once per distinct word of the document.
  const wordScores = new Map<string, Float64Array>();
  const result: number[][] = [];
  for (let si = 0; si < sentences.length; si++) {
    const words = sentences[si];
    const staticFeatures = features[si];
    const tags: number[] = new Array(words.length);
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < words.length; i++) {
      // Outside a name, a token without a capital letter never starts one: skip the scoring.
      if (!onToken && prev === 0 && !startsName(words[i])) {
        tags[i] = 0;
        prev2 = prev;
        continue;
      }
      const l = words[i].toLowerCase();
      const prevName = i > 0 ? TAGS[prev] : START;
      const prev2Name = i > 1 ? TAGS[prev2] : START;
      const remembered = memory.get(l);
      const feats = onToken ? staticFeatures.at(i) : staticFeatures.context(i);
      const dynamic = [`t-1:${prevName}`, `t-2:${prev2Name}|${prevName}`, `tw:${prevName}|${l}`];
      if (remembered) dynamic.push(`m:${remembered}`, `mt:${remembered}|${prevName}`);
      scores.fill(0);
      if (!onToken) {
        let own = wordScores.get(words[i]);
        if (!own) {
          own = new Float64Array(TAG_COUNT);
          for (const f of staticFeatures.word(i)) scorer.addScores(f, own);
          wordScores.set(words[i], own);
        }
        scores.set(own);
      }
      for (const f of feats) scorer.addScores(f, scores);
      for (const f of dynamic) scorer.addScores(f, scores);
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (i === 0 ? TAGS[t][0] === "I" : !allowedAfter(prev, t)) continue;
        if (scores[t] > bestScore) {
          bestScore = scores[t];
          best = t;
        }
      }
      if (onToken) best = onToken(feats.concat(dynamic), best, si, i);
      tags[i] = best;
      if (best !== 0 && /^[A-Za-z]/.test(words[i])) memory.set(l, TAGS[best].slice(2));
      prev2 = prev;
      prev = best;
    }
    result.push(tags);
  }
  return result.map((tags) => tags.map((t) => TAGS[t]));
}

/**
 * Tags one document with a trained model: greedy left to right with document memory, then the
 * document-level pass (one type per name). Filling in missed repetitions is off: on CoNLL dev it
 * cost 0.06 F1 points (mean of three seeds; bench/enrich/conll-seeds.ts --pass), the majority
 * vote added 0.11 for the lexicon model and keeps one type per name in an article. Weights trained
 * without the lexicon (the pre-issue-11 model) lose 0.14 with it, so by default it follows the model.
 */
export function recognizeDocument(
  scorer: FeatureScorer,
  gazetteer: Gazetteer | undefined,
  sentences: readonly (readonly string[])[],
  pass: DocumentPassOptions | false = (scorer as { usesLexicon?: boolean }).usesLexicon === true
    ? { majority: true, propagate: false }
    : false,
): string[][] {
  const tags = tagDocument(scorer, gazetteer, sentences);
  return pass ? documentPass(sentences, tags, pass) : tags;
}
