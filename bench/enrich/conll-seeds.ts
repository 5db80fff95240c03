/**
 * The entity tagger trained on CoNLL-2003 train only, once per seed (the order documents are
 * seen in), scored on CoNLL-2003 dev: P/R/F1 per type and recall on entities seen and unseen in
 * training. Dev is the development set (variants are chosen on it), so these are development
 * figures, not a test; the test split is held back and never read here.
 *
 *   node --import tsx bench/enrich/conll-seeds.ts --variant lexicon --seeds 1,2,3 [--epochs 10] [--out results.jsonl]
 *   node --import tsx bench/enrich/conll-seeds.ts --summarize results.jsonl
 *
 * Variants: baseline (training names only), lists (outside name lists and organisation cues),
 * stats (unlabelled-text word statistics), lexicon (both).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { entityStrings, parseConll } from "../../src/enrich/ner/conll.ts";
import { recognizeDocument } from "../../src/enrich/ner/decode.ts";
import type { Gazetteer } from "../../src/enrich/ner/gazetteer.ts";
import { Lexicon } from "../../src/enrich/ner/lexicon.ts";
import { LEXICON_URL, TaggerModel } from "../../src/enrich/ner/model.ts";
import { EntityScore, prf, SCORED_TYPES, SeenRecall } from "../../src/enrich/ner/score.ts";
import { gazetteerOf, quantize, trainTagger } from "../../src/enrich/ner/train.ts";

const { values } = parseArgs({
  options: {
    variant: { type: "string", default: "lexicon" },
    seeds: { type: "string", default: "1,2,3" },
    epochs: { type: "string", default: "10" },
    train: { type: "string", default: new URL("../../../shared/data/conll2003/train.txt", import.meta.url).pathname },
    dev: { type: "string", default: new URL("../../../shared/data/conll2003/dev.txt", import.meta.url).pathname },
    out: { type: "string" },
    /** Another lexicon file than the committed one (scripts/build-ner-lexicon.ts --out). */
    lexicon: { type: "string" },
    /** Keep each seed's weights here and reuse them: decoding changes are then scored without retraining. */
    models: { type: "string" },
    /** Label of the run in the table (defaults to the variant). */
    label: { type: "string" },
    /** Document-level pass after tagging: majority (as shipped), propagate, both or none. */
    pass: { type: "string", default: "majority" },
    /** Share of capitalised training tokens whose identity is hidden (see TrainOptions.hideWords). */
    hide: { type: "string", default: "0" },
    summarize: { type: "string" },
  },
});

interface SeedResult {
  variant: string;
  seed: number;
  epochs: number;
  f1: number;
  precision: number;
  recall: number;
  byType: Record<string, { precision: number; recall: number; f1: number; seen: number; unseen: number }>;
  unseenGold: Record<string, number>;
  features: number;
  megabytes: number;
}

function lexiconFor(variant: string): Lexicon | undefined {
  if (variant === "baseline") return undefined;
  const kinds: Record<string, string[]> = { lists: ["P"], stats: ["W"], lexicon: ["P", "W"] };
  const keep = kinds[variant];
  if (!keep) throw new Error(`--variant: unknown variant "${variant}" (baseline, lists, stats, lexicon)`);
  const lines = gunzipSync(readFileSync(values.lexicon ?? LEXICON_URL))
    .toString("utf8")
    .split("\n");
  const lexicon = Lexicon.parse(lines.filter((l) => keep.includes(l.slice(0, 1))).join("\n"));
  // Organisation-cue runs belong to the lists.
  lexicon.organisationRuns = keep.includes("P");
  return lexicon;
}

function runSeed(variant: string, seed: number, epochs: number): SeedResult {
  const train = parseConll(readFileSync(values.train, "utf8"));
  const dev = parseConll(readFileSync(values.dev, "utf8"));
  const lexicon = lexiconFor(variant);
  const hide = Number(values.hide);
  const saved = values.models
    ? join(values.models, `${variant}${hide ? `-h${hide}` : ""}-e${epochs}-s${seed}.txt.gz`)
    : undefined;
  let gz: Buffer;
  let gazetteer: Gazetteer;
  if (saved && existsSync(saved)) {
    gz = readFileSync(saved);
    gazetteer = gazetteerOf(train);
    gazetteer.lexicon = lexicon;
  } else {
    const trained = trainTagger(train, { epochs, seed, lexicon, hideWords: hide });
    gz = quantize(trained.trainer, lexicon !== undefined);
    gazetteer = trained.gazetteer;
    if (saved) {
      mkdirSync(dirname(saved), { recursive: true });
      writeFileSync(saved, gz);
    }
  }
  const model = TaggerModel.parse(gz);
  const score = new EntityScore();
  const seen = new SeenRecall(entityStrings(train));
  for (const doc of dev) {
    const predicted = recognizeDocument(
      model,
      gazetteer,
      doc.map((s) => s.words),
      values.pass === "none" ? false : { majority: values.pass !== "propagate", propagate: values.pass !== "majority" },
    );
    for (const [i, s] of doc.entries()) {
      score.addSentence(s.gold, predicted[i]);
      seen.addSentence(s.words, s.gold, predicted[i]);
    }
  }
  const overall = prf(score.overall());
  const byType: SeedResult["byType"] = {};
  const unseenGold: Record<string, number> = {};
  for (const t of SCORED_TYPES) {
    const p = prf(score.byType.get(t)!);
    const s = seen.seen.get(t)!;
    const u = seen.unseen.get(t)!;
    byType[t] = { ...p, seen: s.found / s.gold, unseen: u.found / u.gold };
    unseenGold[t] = u.gold;
  }
  return {
    variant: values.label ?? variant,
    seed,
    epochs,
    ...overall,
    byType,
    unseenGold,
    features: model.featureCount,
    megabytes: gz.length / 1e6,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
};
const cell = (xs: number[]) => `${(100 * mean(xs)).toFixed(2)} ± ${(100 * sd(xs)).toFixed(2)}`;

function summarize(results: SeedResult[]): string {
  const groups = new Map<string, SeedResult[]>();
  for (const r of results) {
    const key = `${r.variant} (${r.epochs} epochs)`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = [
    "| variant | seeds | dev F1 | P | R | PER F1 | ORG F1 | LOC F1 | PER seen / unseen R | ORG seen / unseen R | LOC seen / unseen R | weights MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [key, rs] of groups) {
    const by = (t: string, k: "f1" | "seen" | "unseen") => rs.map((r) => r.byType[t][k]);
    lines.push(
      `| ${key} | ${rs.map((r) => r.seed).join(",")} | **${cell(rs.map((r) => r.f1))}** | ${cell(rs.map((r) => r.precision))} | ${cell(rs.map((r) => r.recall))} | ${SCORED_TYPES.map((t) => cell(by(t, "f1"))).join(" | ")} | ${SCORED_TYPES.map((t) => `${cell(by(t, "seen"))} / ${cell(by(t, "unseen"))}`).join(" | ")} | ${mean(rs.map((r) => r.megabytes)).toFixed(2)} |`,
    );
  }
  lines.push(
    "",
    `| variant | ${SCORED_TYPES.map((t) => `${t} P | ${t} R`).join(" | ")} |`,
    `|---|${SCORED_TYPES.map(() => "---:|---:|").join("")}`,
  );
  for (const [key, rs] of groups) {
    const by = (t: string, k: "precision" | "recall") => rs.map((r) => r.byType[t][k]);
    lines.push(
      `| ${key} | ${SCORED_TYPES.map((t) => `${cell(by(t, "precision"))} | ${cell(by(t, "recall"))}`).join(" | ")} |`,
    );
  }
  const u = results[0]?.unseenGold;
  if (u) lines.push("", `Unseen gold entities on dev: ${SCORED_TYPES.map((t) => `${t} ${u[t]}`).join(", ")}.`);
  return lines.join("\n");
}

if (values.summarize) {
  const results = readFileSync(values.summarize, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SeedResult);
  console.log(summarize(results));
} else {
  const results: SeedResult[] = [];
  for (const seed of values.seeds.split(",").map(Number)) {
    const started = process.cpuUsage();
    const r = runSeed(values.variant, seed, Number(values.epochs));
    const cpu = process.cpuUsage(started);
    results.push(r);
    if (values.out) appendFileSync(values.out, `${JSON.stringify(r)}\n`);
    console.log(
      `${r.variant} seed ${seed}: dev F1 ${(100 * r.f1).toFixed(2)}, unseen R ${SCORED_TYPES.map((t) => `${t} ${(100 * r.byType[t].unseen).toFixed(1)}`).join(" ")} (${((cpu.user + cpu.system) / 1e6).toFixed(0)} CPU-s)`,
    );
  }
  console.log(summarize(results));
}
