import { gzipSync } from "node:zlib";
import type { ConllDocument } from "./conll.ts";
import { type FeatureScorer, tagDocument } from "./decode.ts";
import { documentFeatures } from "./features.ts";
import { Gazetteer } from "./gazetteer.ts";
import type { Lexicon } from "./lexicon.ts";
import { TaggerModel } from "./model.ts";
import { spansFromTags } from "./spans.ts";
import { TAG_COUNT, TAGS } from "./tagset.ts";

/**
 * Training of the greedy averaged-perceptron tagger, shared by scripts/train-ner.ts (the shipped
 * weights) and bench/enrich/conll-seeds.ts (the same training repeated over seeds).
 */

/** Per feature: weights, running totals and the step of the last change, for lazy averaging. */
export class Trainer implements FeatureScorer {
  readonly rows = new Map<string, Float64Array>();
  step = 0;

  addScores(feature: string, scores: Float64Array): void {
    const row = this.rows.get(feature);
    if (!row) return;
    for (let t = 0; t < TAG_COUNT; t++) scores[t] += row[t];
  }

  private update(feature: string, tag: number, delta: number): void {
    let row = this.rows.get(feature);
    if (!row) {
      row = new Float64Array(TAG_COUNT * 3);
      this.rows.set(feature, row);
    }
    const total = TAG_COUNT + tag;
    const stamp = 2 * TAG_COUNT + tag;
    row[total] += (this.step - row[stamp]) * row[tag];
    row[stamp] = this.step;
    row[tag] += delta;
  }

  learn(features: string[], gold: number, predicted: number): void {
    this.step++;
    if (gold === predicted) return;
    for (const f of features) {
      this.update(f, gold, 1);
      this.update(f, predicted, -1);
    }
  }

  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, row] of this.rows) {
      const avg = new Float64Array(TAG_COUNT);
      for (let t = 0; t < TAG_COUNT; t++) {
        const total = row[TAG_COUNT + t] + (this.step - row[2 * TAG_COUNT + t]) * row[t];
        avg[t] = total / this.step;
      }
      out.set(f, avg);
    }
    return out;
  }
}

/** Gold tags of a CoNLL document in IOB2, as tag indices. */
export function goldIndices(doc: ConllDocument): number[][] {
  return doc.map((s) => {
    const out: number[] = [];
    for (let i = 0; i < s.gold.length; i++) {
      const tag = s.gold[i];
      if (tag === "O") {
        out.push(0);
        continue;
      }
      const type = tag.slice(2);
      const continues = tag[0] === "I" && i > 0 && s.gold[i - 1] !== "O" && s.gold[i - 1].slice(2) === type;
      out.push(TAGS.indexOf(`${continues ? "I" : "B"}-${type}` as (typeof TAGS)[number]));
    }
    return out;
  });
}

export function gazetteerOf(docs: readonly ConllDocument[]): Gazetteer {
  const g = new Gazetteer();
  for (const doc of docs)
    for (const s of doc)
      for (const span of spansFromTags(s.gold)) g.add(s.words.slice(span.start, span.end), span.type);
  return g;
}

/** A small linear congruential generator: the same seed gives the same numbers on every machine. */
function randomSource(seed: number): () => number {
  let state = seed & 0x7fffffff;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

export function shuffle<T>(items: T[], seed: number): T[] {
  const random = randomSource(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface TrainOptions {
  epochs: number;
  /** Seed of the document order; seed 0 gives the order the first shipped model was trained with. */
  seed: number;
  /** Outside name lists and unlabelled-text statistics; without it the tagger uses training names only. */
  lexicon?: Lexicon;
  /** Share of capitalised training tokens whose identity features are hidden in each epoch (0 = none). */
  hideWords?: number;
  log?: (line: string) => void;
}

export interface TrainedTagger {
  trainer: Trainer;
  /** Names of every training document, for run time. */
  gazetteer: Gazetteer;
}

const FOLDS = 5;

/** Online training over shuffled documents; the tagger's own earlier tags are its history, as at run time. */
export function trainTagger(docs: readonly ConllDocument[], options: TrainOptions): TrainedTagger {
  // Each document is seen with a gazetteer built from the other folds only, so the tagger
  // learns how far a match can be trusted for names it has not seen.
  const foldGazetteers = Array.from({ length: FOLDS }, (_, k) => {
    const g = gazetteerOf(docs.filter((_, i) => i % FOLDS !== k));
    g.lexicon = options.lexicon;
    return g;
  });
  const gazetteer = gazetteerOf(docs);
  gazetteer.lexicon = options.lexicon;
  const foldOf = new Map(docs.map((doc, i) => [doc, i % FOLDS]));
  const trainer = new Trainer();
  const random = randomSource(options.seed + 1);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (const doc of shuffle([...docs], options.seed * 7919 + epoch)) {
      const gold = goldIndices(doc);
      const sentences = doc.map((s) => s.words);
      const gazetteer = foldGazetteers[foldOf.get(doc)!];
      const features = documentFeatures(sentences, gazetteer);
      if (options.hideWords) {
        for (const [si, words] of sentences.entries()) {
          const hidden = new Set<number>();
          for (let i = 0; i < words.length; i++)
            if (/^\p{Lu}/u.test(words[i]) && random() < options.hideWords) hidden.add(i);
          features[si].hidden = hidden;
        }
      }
      tagDocument(
        trainer,
        gazetteer,
        sentences,
        (features, predicted, si, ti) => {
          trainer.learn(features, gold[si][ti], predicted);
          return predicted;
        },
        features,
      );
    }
    options.log?.(`epoch ${epoch}/${options.epochs}`);
  }
  return { trainer, gazetteer };
}

/** Averaged weights quantized to 16-bit steps; features whose weights all round to zero are dropped. */
export function quantize(trainer: Trainer, usesLexicon = false): Buffer {
  const averaged = trainer.averaged();
  let maxAbs = 0;
  for (const row of averaged.values()) for (const w of row) maxAbs = Math.max(maxAbs, Math.abs(w));
  return gzipSync(TaggerModel.serialize(averaged, 32767 / maxAbs, usesLexicon), { level: 9 });
}
