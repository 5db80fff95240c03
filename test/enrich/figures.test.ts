import assert from "node:assert/strict";
import { test } from "node:test";
import { findFigures } from "../../src/enrich/figures/figures.ts";

test("money with currency and scale words", () => {
  const f = findFigures("A deal worth £215m, then $1.13bn (€3 billion) and £44,914 in bonuses.", null);
  const money = f.filter((x) => x.kind === "money").map((x) => [x.text, x.value, x.unit]);
  assert.deepEqual(money, [
    ["£215m", 215e6, "GBP"],
    ["$1.13bn", 1.13e9, "USD"],
    ["€3 billion", 3e9, "EUR"],
    ["£44,914", 44914, "GBP"],
  ]);
});

test("counts of things, not of years; percentages", () => {
  const f = findFigures(
    "About 500 jobs and 24 senior executives, over five years; growth of 2.5% or 3 per cent.",
    null,
  );
  assert.deepEqual(
    f.filter((x) => x.kind === "count").map((x) => [x.text, x.value, x.unit]),
    [
      ["500 jobs", 500, "jobs"],
      ["24 senior executives", 24, "executives"],
    ],
  );
  assert.deepEqual(
    f.filter((x) => x.kind === "percent").map((x) => x.value),
    [2.5, 3],
  );
});

test("years, and relative dates resolved only when the article has a date", () => {
  const text = "He took office in 2006 and may return after elections next year.";
  const dated = findFigures(text, new Date("2011-09-12T09:00:00Z"));
  assert.ok(dated.some((x) => x.kind === "year" && x.value === 2006));
  assert.equal(dated.find((x) => x.text === "next year")?.date, "2012");
  const undated = findFigures(text, null);
  const next = undated.find((x) => x.text === "next year");
  assert.equal(next?.kind, "date");
  assert.equal(next?.date, undefined);
  const day = findFigures("The vote is on 12 March 2005.", null).find((x) => x.kind === "date");
  assert.equal(day?.date, "2005-03-12");
});

test("date words inside names are not dates", () => {
  const f = findFigures("She told the World Today programme and the Sunday Times.", new Date("2011-09-12T09:00:00Z"));
  assert.deepEqual(f, []);
});
