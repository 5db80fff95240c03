import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { prepareFile } from "../../src/ingest/pipeline.ts";
import { parseArticle } from "../../src/model/article.ts";

const PAGES = join(import.meta.dirname, "../../../shared/data/readability-news-pages");

/** Non-English pages of Readability's test suite and the language each is written in. */
const NON_ENGLISH: [string, string][] = [
  ["lemonde-1", "fr"],
  ["liberation-1", "fr"],
  ["la-nacion", "es"],
  ["folha", "pt"],
  ["aktualne", "cs"],
  ["heise", "de"],
];

for (const [page, language] of NON_ENGLISH) {
  test(`${page}: imported through the HTML importer, stored as ${language}, no English-model entities or quotes`, async () => {
    const prepared = await prepareFile({ name: join(PAGES, page, "source.html") });
    assert.equal(prepared.format, "html");
    const [a] = prepared.articles;
    assert.equal(a.language.split("-")[0], language);
    assert.deepEqual(a.enrichment, { skipped: "language", language: a.language });
    assert.deepEqual([a.people, a.organisations, a.places, a.quotes, a.figures], [[], [], [], [], []]);
  });
}

test("an English page is enriched in full and carries no skip note", async () => {
  const prepared = await prepareFile({ name: join(PAGES, "bbc-1", "source.html") });
  const [a] = prepared.articles;
  assert.equal(a.language.split("-")[0], "en");
  assert.equal(a.enrichment, undefined);
  assert.ok(a.places.length > 0 && a.quotes.length > 0);
});

test("a French text stored with the default language is detected; fixing the language to English re-enriches", () => {
  const text =
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Conseil des ministres la semaine prochaine. Selon le Premier ministre, cette réforme est nécessaire pour garantir l'avenir du système. Les syndicats ont appelé à une journée de grève dans toute la France.";
  const input = {
    id: "fr-1",
    slug: "fr-1",
    section: "News",
    headline: "Réforme des retraites",
    blocks: [{ type: "paragraph" as const, text }],
  };
  const french = enrichArticle(parseArticle(input));
  assert.equal(french.language, "fr");
  assert.deepEqual(french.enrichment, { skipped: "language", language: "fr" });
  assert.equal(french.places.length, 0);
  const english = enrichArticle(
    parseArticle({
      ...input,
      blocks: [{ type: "paragraph", text: "Tony Blair said the plan for London would work, the BBC reported." }],
      enrichment: french.enrichment,
    }),
  );
  assert.equal(english.enrichment, undefined);
  assert.ok(english.people.some((p) => p.name === "Tony Blair"));
});
