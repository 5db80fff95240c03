import { documentCase, sentenceFeatures } from "./features.ts";
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
  hints?: ReadonlyMap<string, string>,
): string[][] {
  const docCase = documentCase(sentences);
  const memory = new Map<string, string>();
  const scores = new Float64Array(TAG_COUNT);
  const result: number[][] = [];
  for (let si = 0; si < sentences.length; si++) {
    const words = sentences[si];
    const staticFeatures = sentenceFeatures(words, docCase, gazetteer);
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
      const feats = staticFeatures[i];
      const dynamic = [`t-1:${prevName}`, `t-2:${prev2Name}|${prevName}`, `tw:${prevName}|${l}`];
      if (remembered) dynamic.push(`m:${remembered}`, `mt:${remembered}|${prevName}`);
      const hint = hints?.get(l);
      if (hint) dynamic.push(`M:${hint}`, `Ms:${hint}|${remembered ?? ""}`);
      scores.fill(0);
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

/** The type most often given to each capitalised word across a tagged document. */
export function documentHints(
  sentences: readonly (readonly string[])[],
  tags: readonly string[][],
): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  sentences.forEach((words, si) => {
    words.forEach((w, i) => {
      const tag = tags[si][i];
      if (tag === "O" || !/^[A-Z]/.test(w)) return;
      const l = w.toLowerCase();
      let v = votes.get(l);
      if (!v) {
        v = new Map();
        votes.set(l, v);
      }
      const type = tag.slice(2);
      v.set(type, (v.get(type) ?? 0) + 1);
    });
  });
  const hints = new Map<string, string>();
  for (const [l, v] of votes) {
    let best = "";
    let bestCount = 0;
    for (const [type, count] of v) if (count > bestCount) [best, bestCount] = [type, count];
    hints.set(l, best);
  }
  return hints;
}

/** Two passes: the second sees what the first made of the same words anywhere in the document. */
export function recognizeDocument(
  firstPass: FeatureScorer,
  secondPass: FeatureScorer,
  gazetteer: Gazetteer | undefined,
  sentences: readonly (readonly string[])[],
): string[][] {
  const first = tagDocument(firstPass, gazetteer, sentences);
  return tagDocument(secondPass, gazetteer, sentences, undefined, documentHints(sentences, first));
}
