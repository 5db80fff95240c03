/**
 * Trains the entity tagger (greedy averaged perceptron) on CoNLL-2003 train and writes the
 * quantized, pruned weights to src/enrich/ner/weights.txt.gz.
 *
 *   node --import tsx scripts/train-ner.ts [--train FILE] [--dev FILE] [--epochs N]
 *
 * Training data: CoNLL-2003 English train (Reuters, research-only) from ../shared/data; the
 * text is never committed, only the weights. Dev is used to report the score after each epoch.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { type ConllDocument, parseConll } from "../src/enrich/ner/conll.ts";
import { type FeatureScorer, tagDocument } from "../src/enrich/ner/decode.ts";
import { Gazetteer } from "../src/enrich/ner/gazetteer.ts";
import { GAZETTEER_URL, TaggerModel, WEIGHTS_URL } from "../src/enrich/ner/model.ts";
import { EntityScore, prf } from "../src/enrich/ner/score.ts";
import { spansFromTags } from "../src/enrich/ner/spans.ts";
import { TAG_COUNT, TAGS } from "../src/enrich/ner/tagset.ts";

const { values } = parseArgs({
  options: {
    train: { type: "string", default: "../shared/data/conll2003/train.txt" },
    dev: { type: "string", default: "../shared/data/conll2003/dev.txt" },
    epochs: { type: "string", default: "10" },
    out: { type: "string" },
  },
});

/** Per feature: weights, running totals and the step of the last change, for lazy averaging. */
class Trainer implements FeatureScorer {
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
    const w = tag;
    const total = TAG_COUNT + tag;
    const stamp = 2 * TAG_COUNT + tag;
    row[total] += (this.step - row[stamp]) * row[w];
    row[stamp] = this.step;
    row[w] += delta;
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

/** Gold tags of a CoNLL file in IOB2, as tag indices. */
function goldIndices(doc: ConllDocument): number[][] {
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

function gazetteerOf(docs: ConllDocument[]): Gazetteer {
  const g = new Gazetteer();
  for (const doc of docs)
    for (const s of doc)
      for (const span of spansFromTags(s.gold)) g.add(s.words.slice(span.start, span.end), span.type);
  return g;
}

function evaluate(model: FeatureScorer, docs: ConllDocument[]) {
  const score = new EntityScore();
  for (const doc of docs) {
    const predicted = tagDocument(
      model,
      fullGazetteer,
      doc.map((s) => s.words),
    );
    for (const [i, s] of doc.entries()) score.addSentence(s.gold, predicted[i]);
  }
  return prf(score.overall()).f1;
}

function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const train = parseConll(readFileSync(values.train, "utf8"));
const dev = parseConll(readFileSync(values.dev, "utf8"));
// Training sees each document with a gazetteer built from the other folds only, so the tagger
// learns how far a match can be trusted for names it has not seen.
const FOLDS = 5;
const foldGazetteers = Array.from({ length: FOLDS }, (_, k) => gazetteerOf(train.filter((_, i) => i % FOLDS !== k)));
const fullGazetteer = gazetteerOf(train);
const foldOf = new Map(train.map((doc, i) => [doc, i % FOLDS]));
const epochs = Number(values.epochs);

function quantize(trainer: Trainer): Buffer {
  const averaged = trainer.averaged();
  let maxAbs = 0;
  for (const row of averaged.values()) for (const w of row) maxAbs = Math.max(maxAbs, Math.abs(w));
  // 16-bit range: weights below half a step round to zero and their features are dropped.
  return gzipSync(TaggerModel.serialize(averaged, 32767 / maxAbs), { level: 9 });
}

/** Online training over shuffled documents; the tagger's own earlier tags are its history, as at run time. */
function trainPass(docs: ConllDocument[], label: string) {
  const trainer = new Trainer();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const doc of shuffle([...docs], epoch)) {
      const gold = goldIndices(doc);
      tagDocument(
        trainer,
        foldGazetteers[foldOf.get(doc)!],
        doc.map((s) => s.words),
        (features, predicted, si, ti) => {
          trainer.learn(features, gold[si][ti], predicted);
          return predicted;
        },
      );
    }
  }
  console.log(`${label}: trained ${epochs} epochs`);
  return trainer;
}

const trainer = trainPass(train, "tagger");
const gz = quantize(trainer);
const model = TaggerModel.parse(gz);
console.log(`dev F1 (quantized weights): ${evaluate(model, dev).toFixed(4)}`);
writeFileSync(values.out ?? WEIGHTS_URL, gz);
if (!values.out) writeFileSync(GAZETTEER_URL, gzipSync(fullGazetteer.serialize(), { level: 9 }));
console.log(`weights: ${model.featureCount} features, ${(gz.length / 1e6).toFixed(2)} MB`);
