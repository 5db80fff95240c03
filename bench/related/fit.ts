/**
 * Learns the related-story model on the TUNE judged pairs only and calibrates its cut-offs per
 * section and per length band; prints the constants for src/enrich/related/model.ts. The sealed
 * pairs are not read here at all.
 *
 *   npx tsx bench/related/fit.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadFeatures } from "../../src/enrich/related/compute.ts";
import { FEATURE_NAMES, fitLogistic, lengthBand, pairFeatures, predict } from "../../src/enrich/related/model.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, storeCorpus } from "./corpus.ts";
import { judgedPairs } from "./judged.ts";

/** Precision the cut-offs aim for on the tune pairs: a margin over the 0.90 goal for the sealed part. */
const TARGET = 0.93;
/** A cell (section or length band) gets its own cut-off only with at least this many tune pairs. */
const MIN_CELL = 30;

const tune = judgedPairs().filter((p) => p.part === "tune");
const tmp = mkdtempSync(join(tmpdir(), "newsdesk-fit-"));
const store = await openStore(join(tmp, "fit.db"));
try {
  const paths = corpusPaths();
  await storeCorpus(store, paths);
  const features = await loadFeatures(store, [...new Set(tune.flatMap((p) => [corpusId(p.a), corpusId(p.b)]))]);
  const rows = tune.flatMap((p) => {
    const fa = features.get(corpusId(p.a));
    const fb = features.get(corpusId(p.b));
    return fa && fb
      ? [{ p, x: pairFeatures(fa, fb), section: fa.sectionSlug, len: Math.min(fa.length ?? 0, fb.length ?? 0) }]
      : [];
  });
  const model = fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.p.related),
  );
  const scored = rows.map((r) => ({ ...r, prob: predict(model, r.x) }));
  const round = (xs: number[]) => xs.map((v) => Math.round(v * 1e4) / 1e4);
  console.log(`tune pairs: ${rows.length} (${rows.filter((r) => r.p.related).length} related)`);
  for (const [i, n] of FEATURE_NAMES.entries())
    console.log(
      `  ${n.padEnd(16)} weight ${model.weights[i].toFixed(3)} (mean ${model.mean[i].toFixed(3)}, sd ${model.sd[i].toFixed(3)})`,
    );
  console.log(
    `RELATED_MODEL = { mean: [${round(model.mean)}], sd: [${round(model.sd)}], weights: [${round(model.weights)}], bias: ${round([model.bias])[0]} }`,
  );
  const grid = Array.from({ length: 95 }, (_, i) => 0.05 + i * 0.01);
  // The lowest cut-off at which precision stays at the target for every higher cut-off too, so one
  // lucky pair just above a threshold does not pull it down.
  const cut = (cell: typeof scored) => {
    let best: { t: number; shown: number; tp: number } | null = null;
    for (const t of [...grid].reverse()) {
      const shown = cell.filter((s) => s.prob >= t);
      if (shown.length === 0) continue;
      const tp = shown.filter((s) => s.p.related).length;
      if (tp / shown.length < TARGET) break;
      best = { t, shown: shown.length, tp };
    }
    return best;
  };
  const overall = cut(scored);
  console.log(`overall cut-off ${overall?.t.toFixed(2)}: ${overall?.tp}/${overall?.shown} on tune`);
  const cells: Record<string, number> = {};
  const sections = [...new Set(scored.map((r) => r.section))].sort();
  const keys = [...sections.flatMap((s) => [`${s}/short`, `${s}/long`, s]), "short", "long"];
  for (const key of keys) {
    const [first, band] = key.split("/");
    const cell = scored.filter((r) =>
      band
        ? r.section === first && lengthBand(r.len) === band
        : first === "short" || first === "long"
          ? lengthBand(r.len) === first
          : r.section === first,
    );
    const c = cell.length >= MIN_CELL ? cut(cell) : null;
    console.log(
      `  ${key}: ${cell.length} pairs, cut-off ${c ? `${c.t.toFixed(2)} (${c.tp}/${c.shown})` : "not its own"}`,
    );
    if (c) cells[key] = Math.round(c.t * 100) / 100;
  }
  console.log(`CUTOFFS = { overall: ${overall?.t.toFixed(2)}, cells: ${JSON.stringify(cells)} }`);
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
