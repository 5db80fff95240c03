import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { documentPass } from "../../src/enrich/ner/document-pass.ts";
import { evaluateConll, formatEvaluation } from "../../src/enrich/ner/evaluate.ts";
import { Lexicon } from "../../src/enrich/ner/lexicon.ts";
import { SeenRecall } from "../../src/enrich/ner/score.ts";
import { spansFromTags } from "../../src/enrich/ner/spans.ts";
import { runCliOk } from "../support/cli.ts";

const DEV = new URL("../../../shared/data/conll2003/dev.txt", import.meta.url).pathname;

// Two documents; IOB1 tags as in CoNLL-2003 (B- only between two same-type entities).
const SMALL = `-DOCSTART- -X- O O

John NNP I-NP I-PER
Smith NNP I-NP I-PER
visited VBD I-VP O
Paris NNP I-NP I-LOC
. . O O

Reuters NNP I-NP I-ORG
said VBD I-VP O
German JJ I-NP I-MISC
Chancellor NNP I-NP O
Helmut NNP I-NP I-PER
Kohl NNP I-NP I-PER
agreed VBD I-VP O
. . O O

-DOCSTART- -X- O O

Japan NNP I-NP I-LOC
Brazil NNP I-NP B-LOC
and CC O O
Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
. . O O
`;

test("spans are read the conlleval way from IOB1 and IOB2", () => {
  assert.deepEqual(spansFromTags(["I-LOC", "B-LOC", "O", "I-ORG", "I-ORG"]), [
    { start: 0, end: 1, type: "LOC" },
    { start: 1, end: 2, type: "LOC" },
    { start: 3, end: 5, type: "ORG" },
  ]);
  // An I- after O or after another type starts a new entity, as conlleval does.
  assert.deepEqual(spansFromTags(["O", "I-PER", "I-ORG"]), [
    { start: 1, end: 2, type: "PER" },
    { start: 2, end: 3, type: "ORG" },
  ]);
});

test("scores by hand: exact spans and types, MISC left out", () => {
  // A fixed "tagger": per sentence, the tags we pretend were predicted.
  const predictions = [
    [
      ["B-PER", "O", "O", "B-LOC", "O"], // John only (wrong boundary), Paris right
      ["B-ORG", "O", "B-LOC", "O", "B-PER", "I-PER", "O", "O"], // Reuters right, German as LOC (wrong), Kohl right
    ],
    [["B-LOC", "B-LOC", "O", "B-ORG", "I-ORG", "O"]], // all three right
  ];
  let doc = 0;
  const result = evaluateConll(SMALL, () => predictions[doc++]);
  // Gold: PER John Smith, Helmut Kohl; LOC Paris, Japan, Brazil; ORG Reuters, Acme Corp (MISC German ignored).
  // Predicted: PER John, Helmut Kohl; LOC Paris, German, Japan, Brazil; ORG Reuters, Acme Corp.
  assert.deepEqual(result.score.byType.get("PER"), { gold: 2, predicted: 2, correct: 1 });
  assert.deepEqual(result.score.byType.get("LOC"), { gold: 3, predicted: 4, correct: 3 });
  assert.deepEqual(result.score.byType.get("ORG"), { gold: 2, predicted: 2, correct: 2 });
  const report = formatEvaluation(result, "small.txt");
  // Overall: 6 correct of 8 predicted and 7 gold: P 75.00%, R 85.71%, F1 2PR/(P+R) = 80.00%.
  assert.match(report, /^overall\s+7\s+8\s+6\s+75\.00%\s+85\.71%\s+80\.00%$/m);
  assert.match(report, /^PER\s+2\s+2\s+1\s+50\.00%\s+50\.00%\s+50\.00%$/m);
  assert.match(report, /^LOC\s+3\s+4\s+3\s+75\.00%\s+100\.00%\s+85\.71%$/m);
  assert.match(report, /^small\.txt: 2 documents, 3 sentences, 19 tokens$/m);
});

test("newsdesk eval conll prints figures that match its --predictions file", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-conll-"));
  try {
    const file = join(dir, "small.txt");
    const out = join(dir, "pred.txt");
    writeFileSync(file, SMALL);
    const printed = runCliOk(["eval", "conll", file, "--predictions", out]);
    const lines = readFileSync(out, "utf8").split("\n");
    // One line per token, a blank line after each sentence.
    assert.equal(lines.filter((l) => l.trim()).length, 19);
    assert.equal(lines[0].split(" ")[0], "John");
    assert.equal(lines[0].split(" ")[1], "I-PER");
    assert.equal(lines[5], "");
    // Recount from the predictions file, independently of the scorer's code.
    const sentences: string[][][] = [[]];
    for (const l of lines) {
      if (l.trim() === "") sentences.push([]);
      else sentences[sentences.length - 1].push(l.split(" "));
    }
    const entities = (tags: string[]) => {
      const found: string[] = [];
      tags.forEach((tag, i) => {
        if (tag === "O" || tag.endsWith("MISC")) return;
        const type = tag.slice(2);
        const prev = tags[i - 1];
        if (tag.startsWith("B-") || !prev || prev === "O" || prev.slice(2) !== type) found.push(`${i}-${type}`);
        else found[found.length - 1] = found[found.length - 1].replace(/-/, `:${i}-`);
      });
      return found;
    };
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    for (const s of sentences.filter((x) => x.length > 0)) {
      const g = entities(s.map((t) => t[1]));
      const p = entities(s.map((t) => t[2]));
      gold += g.length;
      predicted += p.length;
      correct += p.filter((x) => g.includes(x)).length;
    }
    assert.equal(gold, 7);
    const pattern = new RegExp(`^overall\\s+${gold}\\s+${predicted}\\s+${correct}\\s`, "m");
    assert.match(printed, pattern);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("newsdesk eval conll fails cleanly on a missing file", () => {
  assert.throws(
    () => runCliOk(["eval", "conll", "/nonexistent/file.txt"]),
    (error: { status: number; stderr: string }) => error.status === 1 && /no such file/.test(error.stderr),
  );
});

// A regression floor for the committed weights. The development figures (train-only models over
// three seeds, with recall on unseen names) are in BENCHMARKS.md from bench/enrich/conll-seeds.ts.
// Weights trained on train + dev (scripts/train-ner.ts --with-dev) score ~0.99 here: with those, this
// is a floor only, not an evaluation, and the floor must be raised to what they measure.
test("CoNLL-2003 dev: micro-F1 over PER, ORG, LOC stays above the regression floor", () => {
  const result = evaluateConll(readFileSync(DEV, "utf8"));
  const total = result.score.overall();
  assert.equal(total.gold, 1842 + 1341 + 1837);
  const precision = total.correct / total.predicted;
  const recall = total.correct / total.gold;
  const f1 = (2 * precision * recall) / (precision + recall);
  // Measured 0.9051 with the committed weights (train only), 0.9901 with the train + dev weights of 030bf12.
  assert.ok(f1 >= 0.905, `dev F1 ${f1.toFixed(4)}`);
});

test("seen and unseen recall: an entity is seen when its string had the same type in training", () => {
  const recall = new SeenRecall(new Set([SeenRecall.key("PER", ["John", "Smith"]), SeenRecall.key("LOC", ["Acme"])]));
  const words = ["John", "Smith", "met", "Acme", "Corp", "in", "Paris"];
  const gold = ["B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O", "B-LOC"];
  // John Smith found (seen), Acme Corp found with a wrong boundary (unseen: "Acme" was a LOC), Paris missed (unseen).
  recall.addSentence(words, gold, ["B-PER", "I-PER", "O", "B-ORG", "O", "O", "O"]);
  assert.deepEqual(recall.seen.get("PER"), { gold: 1, found: 1 });
  assert.deepEqual(recall.unseen.get("ORG"), { gold: 1, found: 0 });
  assert.deepEqual(recall.unseen.get("LOC"), { gold: 1, found: 0 });
  assert.deepEqual(recall.seen.get("LOC"), { gold: 0, found: 0 });
});

test("lexicon: list phrases match from a capitalised token, longest first; organisation runs end in a cue", () => {
  const lexicon = Lexicon.parse(
    ["P\tcity\tnew york", "P\tcity\tnew", "P\tfirst\tmaria", "W\tpirelli\tuc:all"].join("\n"),
  );
  const words = ["Maria", "flew", "to", "New", "York", "with", "Bank", "of", "Tokyo", "Holdings", "new", "york"];
  const lowers = words.map((w) => w.toLowerCase());
  const f = lexicon.features(words, lowers, false);
  assert.deepEqual(f[0], ["LB:first", "LU:first"]);
  assert.deepEqual(f[3], ["LB:city"]);
  assert.deepEqual(f[4], ["LI:city"]);
  // "new york" in lower case is not a name.
  assert.deepEqual(f[10], []);
  // "Bank of Tokyo Holdings": the run crosses "of", so the words before it are marked as joined.
  assert.deepEqual(f[6], ["orgBj"]);
  assert.deepEqual(f[7], ["orgIj"]);
  assert.deepEqual(f[8], ["orgI"]);
  assert.deepEqual(f[9], ["orgE"]);
  assert.deepEqual(lexicon.wordFeatures("pirelli"), ["uc:all"]);
  assert.deepEqual(lexicon.wordFeatures("unknown"), []);
  // Round trip through the file format.
  const again = Lexicon.parse(lexicon.serialize());
  assert.deepEqual(again.features(words, lowers, false), f);
});

test("document pass: the type a document gives a name most often wins", () => {
  const sentences = [
    ["Petofi", "beat", "Ujpest"],
    ["Petofi", "scored"],
    ["Fans", "of", "Petofi", "cheered"],
  ];
  const tags = [
    ["B-ORG", "O", "B-ORG"],
    ["B-ORG", "O"],
    ["O", "O", "B-LOC", "O"],
  ];
  const out = documentPass(sentences, tags, { majority: true, propagate: false });
  assert.deepEqual(out[2], ["O", "O", "B-ORG", "O"]);
  // A tie changes nothing.
  const tie = documentPass([["Jordan"], ["Jordan"]], [["B-PER"], ["B-LOC"]], { majority: true, propagate: false });
  assert.deepEqual(tie, [["B-PER"], ["B-LOC"]]);
});
