import assert from "node:assert/strict";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { articleFromFile } from "./support/plain-text.ts";

const REFERENCE = new URL("../../../shared/seed/reference-article.txt", import.meta.url).pathname;

// The 19 direct quotes of the reference page (18 in the body, one in a media caption), by
// their opening words, with who said them. "parked" is the BBC's question, not a quote.
const EXPECTED: [string, string][] = [
  ["The fact is the two governments", "David Cameron"],
  ["reconstitute the contacts", "Dmitry Medvedev"],
  ["We haven't changed the arrangements", "David Cameron"],
  ["That is not being discussed", "David Cameron"],
  ["developing very successfully", "Vladimir Putin"],
  ["difficult issues that hamper", "David Cameron"],
  ["We still disagree with you", "David Cameron"],
  ["right to justice", "David Cameron"],
  ["We can't pretend these differences", "David Cameron"],
  ["But, at the same time", "David Cameron"],
  ["We are stronger together", "David Cameron"],
  ["I'm not downplaying it", "David Cameron"],
  ["But I don't think that means", "David Cameron"],
  ["This will never happen", "Dmitry Medvedev"],
  ["We are very glad to see you", "Vladimir Putin"],
  ["Trade and economic development", "Vladimir Putin"],
  ["it is not a complete thaw", "Daniel Sandford"],
  ["Having good relations", "David Cameron"],
  ["we will not have a normal progress", "Marina Litvinenko"],
];

const article = enrichArticle(articleFromFile(REFERENCE, { firstPublished: "2011-09-12T09:00:00Z" }));
const direct = article.quotes.filter((q) => q.type === "direct");

test("reference article: the 19 direct quotes, each with its speaker", () => {
  for (const [opening, speaker] of EXPECTED) {
    const found = direct.find((q) => q.text.startsWith(opening));
    assert.ok(found, `quote "${opening}…" not found`);
    assert.equal(found.speaker, speaker, `speaker of "${opening}…"`);
  }
  assert.equal(direct.length, 19, direct.map((q) => q.text.slice(0, 30)).join(" | "));
});

test("reference article: the caption quote is found in the media block", () => {
  const caption = direct.find((q) => q.text.startsWith("The fact is"));
  assert.equal(article.blocks[caption?.blockIndex ?? -1]?.type, "media");
});

test("reference article: Mr Cameron, The PM and the prime minister are aliases of David Cameron", () => {
  const cameron = article.people.find((p) => p.name === "David Cameron");
  assert.ok(cameron, "David Cameron is one of the people");
  const aliases = cameron.aliases.map((a) => a.toLowerCase());
  for (const alias of ["Mr Cameron", "The PM", "the prime minister"])
    assert.ok(aliases.includes(alias.toLowerCase()), alias);
  // One person, one entry: no separate "Cameron" or "Mr Cameron" person.
  assert.equal(article.people.filter((p) => /cameron/i.test(p.name)).length, 1);
});

test("reference article: the widow is Marina Litvinenko, apart from Alexander Litvinenko", () => {
  const marina = article.people.find((p) => p.name === "Marina Litvinenko");
  assert.ok(marina);
  assert.ok(marina.aliases.some((a) => a.includes("widow, Marina")));
  const alexander = article.people.find((p) => p.name === "Alexander Litvinenko");
  assert.ok(alexander?.aliases.includes("Mr Litvinenko"));
  for (const name of ["Dmitry Medvedev", "Vladimir Putin", "Daniel Sandford"])
    assert.ok(
      article.people.some((p) => p.name === name),
      name,
    );
});

test("reference article: figures, with next year resolved against the article's date", () => {
  const texts = article.figures.map((f) => f.text);
  const money = article.figures.find((f) => f.kind === "money");
  assert.equal(money?.text, "£215m");
  assert.equal(money?.value, 215_000_000);
  assert.equal(money?.unit, "GBP");
  assert.ok(texts.includes("500 jobs"));
  assert.ok(texts.includes("24 senior executives"));
  assert.equal(article.figures.find((f) => f.text === "next year")?.date, "2012");
  assert.ok(article.figures.some((f) => f.kind === "year" && f.value === 2006));
});

test("reference article: reported speech is found with its speaker", () => {
  const indirect = article.quotes.filter((q) => q.type === "indirect");
  const legal = indirect.find((q) => q.text.startsWith("the legal traditions"));
  assert.equal(legal?.speaker, "Dmitry Medvedev");
  const challenge = indirect.find((q) => q.text.includes("the UK would continue to challenge"));
  assert.equal(challenge?.speaker, "David Cameron");
});
