/**
 * Entity recognition on CoNLL-2003 dev: our tagger beside compromise's people(), places() and
 * organizations(), in the same run, scored the same way (exact spans, PER/ORG/LOC, MISC left out).
 *
 *   node --import tsx bench/enrich/conll-compare.ts [FILE]
 */
import { readFileSync } from "node:fs";
import nlp from "compromise";
import { type DocumentTagger, evaluateConll, ourTagger } from "../../src/enrich/ner/evaluate.ts";
import { prf, SCORED_TYPES } from "../../src/enrich/ner/score.ts";

const file = process.argv[2] ?? new URL("../../../shared/data/conll2003/dev.txt", import.meta.url).pathname;
const text = readFileSync(file, "utf8");

interface CompromiseMatch {
  offset: { start: number; length: number };
}

/** compromise sees each sentence as its tokens joined by spaces; its matches map back to tokens by offset. */
const compromiseTagger: DocumentTagger = (sentences) =>
  sentences.map((words) => {
    const starts: number[] = [];
    let at = 0;
    for (const w of words) {
      starts.push(at);
      at += w.length + 1;
    }
    const tags = words.map(() => "O");
    const doc = nlp(words.join(" "));
    const groups: [string, CompromiseMatch[]][] = [
      ["PER", doc.people().json({ offset: true }) as CompromiseMatch[]],
      ["LOC", doc.places().json({ offset: true }) as CompromiseMatch[]],
      ["ORG", doc.organizations().json({ offset: true }) as CompromiseMatch[]],
    ];
    for (const [type, matches] of groups) {
      for (const m of matches) {
        const end = m.offset.start + m.offset.length;
        let first = true;
        starts.forEach((s, i) => {
          if (s >= m.offset.start && s < end && tags[i] === "O") {
            tags[i] = `${first ? "B" : "I"}-${type}`;
            first = false;
          }
        });
      }
    }
    return tags;
  });

const rows: string[] = [];
for (const [name, tagger] of [
  ["newsdesk perceptron", ourTagger],
  ["compromise 14", compromiseTagger],
] as const) {
  const started = process.cpuUsage();
  const result = evaluateConll(text, tagger);
  const cpu = process.cpuUsage(started);
  // CPU time: on a shared machine wall time also counts waiting for a core.
  const seconds = (cpu.user + cpu.system) / 1e6;
  const overall = prf(result.score.overall());
  const perType = SCORED_TYPES.map((t) => `${t} ${(100 * prf(result.score.byType.get(t)!).f1).toFixed(2)}`).join(", ");
  rows.push(
    `| ${name} | ${(100 * overall.precision).toFixed(2)} | ${(100 * overall.recall).toFixed(2)} | ${(100 * overall.f1).toFixed(2)} | ${perType} | ${Math.round(result.tokens / seconds).toLocaleString("en")} |`,
  );
}
console.log(`CoNLL-2003 ${file}: exact-match entity P/R/F1 (%), micro over PER/ORG/LOC, MISC not scored`);
console.log("| system | precision | recall | F1 | F1 per type | tokens per CPU-second (weights load included) |");
console.log("|---|---:|---:|---:|---|---:|");
for (const r of rows) console.log(r);
