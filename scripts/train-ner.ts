/**
 * Trains the entity tagger (greedy averaged perceptron) and writes the quantized, pruned weights
 * to src/enrich/ner/weights.txt.gz and the training names to gazetteer.txt.gz.
 *
 *   node --import tsx scripts/train-ner.ts [--train FILE] [--dev FILE] [--epochs N] [--seed N]
 *                                          [--with-dev] [--no-lexicon] [--hide SHARE] [--out FILE]
 *
 * Training data: CoNLL-2003 English train (Reuters, research-only) from ../shared/data; the text
 * is never committed, only the weights. The shipped model is trained on train + dev (--with-dev)
 * after the variant was chosen with train-only models (bench/enrich/conll-seeds.ts); its dev
 * score is then a regression floor, not an evaluation. The outside lexicon
 * (src/enrich/ner/lexicon.txt.gz, built by scripts/build-ner-lexicon.ts) is used unless --no-lexicon.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { parseConll } from "../src/enrich/ner/conll.ts";
import { tagDocument } from "../src/enrich/ner/decode.ts";
import { Lexicon } from "../src/enrich/ner/lexicon.ts";
import { GAZETTEER_URL, LEXICON_URL, TaggerModel, WEIGHTS_URL } from "../src/enrich/ner/model.ts";
import { EntityScore, prf } from "../src/enrich/ner/score.ts";
import { quantize, trainTagger } from "../src/enrich/ner/train.ts";

const { values } = parseArgs({
  options: {
    train: { type: "string", default: "../shared/data/conll2003/train.txt" },
    dev: { type: "string", default: "../shared/data/conll2003/dev.txt" },
    epochs: { type: "string", default: "10" },
    seed: { type: "string", default: "0" },
    "with-dev": { type: "boolean", default: false },
    "no-lexicon": { type: "boolean", default: false },
    /** Share of capitalised training tokens whose identity is hidden each epoch (chosen: 0.25). */
    hide: { type: "string", default: "0.25" },
    out: { type: "string" },
  },
});

const read = (file: string) => {
  try {
    return parseConll(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`${file}: ${(error as Error).message}`);
    process.exit(1);
  }
};
const train = read(values.train);
const dev = read(values.dev);
const lexicon = values["no-lexicon"]
  ? undefined
  : Lexicon.parse(gunzipSync(readFileSync(LEXICON_URL)).toString("utf8"));
const docs = values["with-dev"] ? [...train, ...dev] : train;
const { trainer, gazetteer } = trainTagger(docs, {
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  lexicon,
  hideWords: Number(values.hide),
  log: (line) => console.log(line),
});
const gz = quantize(trainer, lexicon !== undefined);
const model = TaggerModel.parse(gz);
const score = new EntityScore();
for (const doc of dev) {
  const predicted = tagDocument(
    model,
    gazetteer,
    doc.map((s) => s.words),
  );
  for (const [i, s] of doc.entries()) score.addSentence(s.gold, predicted[i]);
}
const f1 = prf(score.overall()).f1.toFixed(4);
console.log(
  `dev F1 (quantized weights): ${f1}${values["with-dev"] ? " (dev was trained on: a floor, not an evaluation)" : ""}`,
);
writeFileSync(values.out ?? WEIGHTS_URL, gz);
if (!values.out) writeFileSync(GAZETTEER_URL, gzipSync(gazetteer.serialize(), { level: 9 }));
console.log(`weights: ${model.featureCount} features, ${(gz.length / 1e6).toFixed(2)} MB`);
