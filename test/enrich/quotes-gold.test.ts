import assert from "node:assert/strict";
import { test } from "node:test";
import { HELD_OUT_PATH, loadGold, rates, scoreGold } from "./support/gold.ts";

const gold = loadGold();
const corpus = new URL(`../../${gold.corpus}/`, import.meta.url).pathname;

test("the gold set covers at least 20 corpus articles, mostly politics and business", () => {
  assert.ok(gold.articles.length >= 20);
  const mostly = gold.articles.filter((a) => /^(politics|business)\//.test(a.path)).length;
  assert.ok(mostly / gold.articles.length >= 0.5);
  // Keys only: no gold entry may carry a whole paragraph of the article.
  for (const a of gold.articles) for (const q of a.quotes) assert.ok(q.key.split(" ").length <= 8, q.key);
});

test("quotes and people against the hand-annotated gold set stay at or above the measured floors", () => {
  const score = scoreGold(gold, corpus);
  const r = rates(score);
  const report = JSON.stringify(r, null, 1);
  // Floors at what the system reaches (goals in brackets): see BENCHMARKS.md "Enrichment".
  assert.ok(r.directRecall >= 0.98, `direct recall (goal 0.95) ${report}`);
  assert.ok(r.directPrecision >= 0.99, `direct precision (goal 0.95) ${report}`);
  assert.ok(r.indirectRecall >= 0.93, `indirect recall (goal 0.85) ${report}`);
  assert.ok(r.indirectPrecision >= 0.99, `indirect precision (goal 0.85) ${report}`);
  assert.ok(r.speakerAccuracy >= 0.97, `speaker accuracy (goal 0.95) ${report}`);
  assert.ok(r.peopleF1 >= 0.97, `people F1 (goal 0.95) ${report}`);
});

test("held-out articles (annotated after tuning) stay at or above their measured floors", () => {
  const heldOut = loadGold(HELD_OUT_PATH);
  const r = rates(scoreGold(heldOut, corpus));
  const report = JSON.stringify(r, null, 1);
  // 10 articles, 41 quotes and 29 people: a check on over-fitting, not a precise figure. The set
  // grew from 5 articles (issue 5); the 5 new ones bring the one report it misses.
  assert.ok(r.directRecall >= 1 && r.directPrecision >= 1, `direct ${report}`);
  assert.ok(r.indirectRecall >= 0.93 && r.indirectPrecision >= 1, `indirect ${report}`);
  assert.ok(r.speakerAccuracy >= 0.9, `speaker accuracy ${report}`);
  assert.ok(r.peopleF1 >= 0.93, `people F1 ${report}`);
});
