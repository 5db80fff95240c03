import assert from "node:assert/strict";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { parseArticle } from "../../src/model/article.ts";

/** People a reader can trust in sports copy and entertainment copy (issue 11). */
function people(...paragraphs: string[]): string[] {
  return enrichArticle(
    parseArticle({
      id: "p",
      slug: "p",
      section: "Sport",
      headline: "Wales beat Italy",
      firstPublished: null,
      blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
    }),
  ).people.map((p) => p.name);
}

test("a line-up names its players; an initial and a surname join the full name met before", () => {
  const names = people(
    "Gavin Henson kicked two penalties and Shane Williams scored a try as Wales won in Rome.",
    "Wales: G Henson, S Williams, T Shanklin, G Thomas (capt), M Owen.",
    "Italy: G Intoppa, S Perugini, CA del Fava, D dal Maso, P Griffen, KP Robertson.",
  );
  for (const n of ["Gavin Henson", "Shane Williams", "T Shanklin", "CA del Fava", "P Griffen", "KP Robertson"])
    assert.ok(names.includes(n), `${n} in ${names.join(", ")}`);
  assert.ok(!names.includes("G Henson") && !names.includes("S Williams"), names.join(", "));
});

test("titles of works and sums of money are not people", () => {
  const names = people(
    "Keane won with Dry Your Eyes and Love Will Tear Us Apart, said singer Tom Chaplin, who earned 5.45m Euros.",
  );
  assert.ok(!names.some((n) => /Your|Will Tear|Euros/.test(n)), names.join(", "));
});
