/**
 * Draws the second judged sample (test/fixtures/related/judged-pairs-2.json) by a fixed seed:
 * pairs across the system's score bands (not only its top picks), the TF-IDF baseline's top
 * neighbours the system does not link, and random pairs. Writes a blind file for judging
 * (headline and opening of both articles, shuffled, no score, no band) and, separately, the
 * band of each pair, joined back only after judging (`--join`).
 *
 *   npx tsx bench/related/sample-pairs.ts OUT_DIR            draw; OUT_DIR/blind.txt, OUT_DIR/bands.json
 *   npx tsx bench/related/sample-pairs.ts OUT_DIR --join V   V: verdicts file, one "N y|n note" a line
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listDuplicates } from "../../src/enrich/duplicates/duplicates.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, readCorpusText, storeCorpus } from "./corpus.ts";
import { seeded, shuffled } from "./seeded.ts";
import { TfidfBaseline } from "./tfidf-baseline.ts";

const SEED = 2017;
/** Pairs drawn per band: the middle bands, where the cut-off has to be drawn, get the most. */
const BANDS: { name: string; lo: number; hi: number; n: number }[] = [
  { name: "system link 0.08-0.14", lo: 0.08, hi: 0.14, n: 50 },
  { name: "system link 0.14-0.20", lo: 0.14, hi: 0.2, n: 55 },
  { name: "system link 0.20-0.26", lo: 0.2, hi: 0.26, n: 55 },
  { name: "system link 0.26-0.35", lo: 0.26, hi: 0.35, n: 45 },
  { name: "system link 0.35+", lo: 0.35, hi: 2, n: 30 },
];
const BASELINE_ONLY = 35;
const RANDOM_SAME_SECTION = 20;
const RANDOM_ANY = 10;

const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2];
if (!outDir) {
  console.error("usage: sample-pairs.ts OUT_DIR [--join VERDICTS]");
  process.exit(2);
}
const joinArg = process.argv.indexOf("--join");

interface Drawn {
  n: number;
  a: string;
  b: string;
  sampled: string;
}

if (joinArg >= 0) {
  const drawn = JSON.parse(readFileSync(join(outDir, "bands.json"), "utf8")) as Drawn[];
  const verdicts = new Map<number, { related: boolean; note: string }>();
  for (const line of readFileSync(process.argv[joinArg + 1], "utf8").split("\n")) {
    const m = line.match(/^(\d+)\s+([yn])\s*(.*)$/);
    if (m) verdicts.set(Number(m[1]), { related: m[2] === "y", note: m[3].trim() });
  }
  const missing = drawn.filter((d) => !verdicts.has(d.n)).map((d) => d.n);
  if (missing.length > 0) {
    console.error(`${process.argv[joinArg + 1]}: no verdict for pairs ${missing.join(", ")}`);
    process.exit(1);
  }
  const pairs = drawn.map((d) => ({ a: d.a, b: d.b, ...verdicts.get(d.n), sampled: d.sampled }));
  writeFileSync(
    join(here, "../../test/fixtures/related/judged-pairs-2.json"),
    `${JSON.stringify(
      {
        description:
          "Second judged sample, drawn by bench/related/sample-pairs.ts (seed 2017) and judged blind by test/fixtures/related/GUIDELINES.md: headline and opening of both articles, shuffled, no score or band shown. 'sampled' is the band, joined back after judging.",
        pairs,
      },
      null,
      1,
    )}\n`,
  );
  console.log(`${pairs.length} pairs written, ${pairs.filter((p) => p.related).length} related`);
  process.exit(0);
}

const judgedBefore = (
  JSON.parse(readFileSync(join(here, "../../test/fixtures/related/judged-pairs.json"), "utf8")) as {
    pairs: { a: string; b: string }[];
  }
).pairs;
const key = (a: string, b: string) => [a, b].sort().join("|");
const taken = new Set(judgedBefore.map((p) => key(p.a, p.b)));

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-sample-"));
const store = await openStore(join(tmp, "sample.db"));
try {
  const paths = corpusPaths();
  const pathById = new Map(paths.map((p) => [corpusId(p), p]));
  await storeCorpus(store, paths);
  for (const d of await listDuplicates(store)) taken.add(key(d.first.path ?? "", d.second.path ?? ""));
  const links = await kyselyOf(store)
    .selectFrom("related_links")
    .select(["article_id", "related_id", "score"])
    .execute();
  const rand = seeded(SEED);
  const drawn: Omit<Drawn, "n">[] = [];
  const take = (a: string, b: string, sampled: string) => {
    if (a === b || taken.has(key(a, b))) return false;
    taken.add(key(a, b));
    drawn.push({ a, b, sampled });
    return true;
  };
  const linkPaths = shuffled(
    links.map((l) => ({ a: pathById.get(l.article_id) ?? "", b: pathById.get(l.related_id) ?? "", s: l.score })),
    rand,
  );
  const linked = new Set(linkPaths.map((l) => key(l.a, l.b)));
  for (const band of BANDS) {
    let got = 0;
    for (const l of linkPaths) {
      if (got >= band.n) break;
      if (l.s >= band.lo && l.s < band.hi && take(l.a, l.b, band.name)) got++;
    }
  }
  const docs = await kyselyOf(store).selectFrom("articles").select(["id", "body_text"]).execute();
  const baseline = new TfidfBaseline(docs.map((d) => ({ id: d.id, body: d.body_text })));
  let got = 0;
  for (const p of shuffled(paths, rand)) {
    if (got >= BASELINE_ONLY) break;
    const top = baseline.top(corpusId(p), 5).map((r) => pathById.get(r.id) ?? "");
    const other = top.find((o) => !linked.has(key(p, o)) && !taken.has(key(p, o)));
    if (other && take(p, other, "baseline top 5, not linked by the system")) got++;
  }
  const section = (p: string) => p.split("/")[0];
  got = 0;
  while (got < RANDOM_SAME_SECTION) {
    const a = paths[Math.floor(rand() * paths.length)];
    const b = paths[Math.floor(rand() * paths.length)];
    if (section(a) === section(b) && take(a, b, "random, same section")) got++;
  }
  got = 0;
  while (got < RANDOM_ANY) {
    if (take(paths[Math.floor(rand() * paths.length)], paths[Math.floor(rand() * paths.length)], "random")) got++;
  }
  const numbered: Drawn[] = shuffled(drawn, rand).map((d, i) => ({ n: i + 1, ...d }));
  writeFileSync(join(outDir, "bands.json"), JSON.stringify(numbered, null, 1));
  const opening = (p: string) => {
    const [headline, ...rest] = readCorpusText(p).replace(/\r\n/g, "\n").split("\n");
    const body = rest.join(" ").replace(/\s+/g, " ").trim();
    return `${headline.trim()} — ${body.slice(0, 600)}`;
  };
  writeFileSync(
    join(outDir, "blind.txt"),
    numbered.map((d) => `#${d.n}\nA ${d.a}: ${opening(d.a)}\nB ${d.b}: ${opening(d.b)}\n`).join("\n"),
  );
  console.log(`${numbered.length} pairs drawn; blind file ${join(outDir, "blind.txt")}`);
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
