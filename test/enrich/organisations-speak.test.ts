import assert from "node:assert/strict";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";

function enrich(...paragraphs: string[]): Article {
  return enrichArticle(
    parseArticle({
      id: "orgs",
      slug: "orgs",
      section: "Test",
      headline: "Test story",
      firstPublished: null,
      blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
    }),
  );
}

const speakerOf = (a: Article, start: string) => a.quotes.find((q) => q.text.startsWith(start))?.speaker;

test("'the committee said' goes to the committee named before, spelled out in full", () => {
  const a = enrich(
    'There was an "absolute crisis" in recruitment, the Commons science and technology committee added.',
    'In its report the committee said: "We are deeply concerned by the shortages we have seen."',
  );
  assert.equal(speakerOf(a, "We are deeply"), "Commons science and technology committee");
});

test("'the company said' goes to the organisation the article names most, not the last one", () => {
  const a = enrich(
    "Electrolux said it would move plants to Asia. Electrolux makes cookers in Durham.",
    "Electrolux's brands include AEG and others. The company said it was speeding up its restructuring programme.",
  );
  const q = a.quotes.find((x) => x.text.startsWith("it was speeding"));
  assert.equal(q?.speaker, "Electrolux");
});

test("a named organisation inside 'the … union' speaks, and a spokeswoman speaks for her organisation", () => {
  const a = enrich(
    "The Usdaw trade union said shop workers should be able to enjoy a break with their families.",
    "Marsh & McLennan paid a fine. A Marsh spokeswoman said the executive was no longer with the company.",
  );
  assert.equal(a.quotes.find((q) => q.text.startsWith("shop workers"))?.speaker, "Usdaw");
  assert.equal(a.quotes.find((q) => q.text.startsWith("the executive"))?.speaker, "Marsh");
  assert.ok(!a.people.some((p) => p.name === "Marsh"), JSON.stringify(a.people));
});

test("a company cue at one mention keeps the name out of people everywhere", () => {
  const a = enrich(
    "Late last year, marketing company Doubleclick warned that its business would be sold.",
    "Neither Ask Jeeves nor Doubleclick thrilled investors.",
  );
  assert.ok(!a.people.some((p) => /doubleclick/i.test(p.name)), JSON.stringify(a.people));
});

test("'his father Ralph' takes the family name of the sentence's subject", () => {
  const a = enrich(
    "Mr Miliband's background shows in the form of his father Ralph, who died in 1994.",
    "David Miliband is seen as a key Blair lieutenant and his brother Ed is an adviser.",
  );
  const names = a.people.map((p) => p.name);
  assert.ok(names.includes("Ralph Miliband"), names.join(", "));
  assert.ok(names.includes("Ed Miliband"), names.join(", "));
});

test("a person's name before a role aside speaks, not the organisation in the aside", () => {
  const a = enrich(
    "Vince Cable spoke first. Paul Boateng MP, Labour's Chief Secretary to the Treasury, said: \"The sums don't add up at all.\"",
  );
  assert.equal(speakerOf(a, "The sums"), "Paul Boateng");
  assert.ok(
    a.people.some((p) => p.name === "Paul Boateng"),
    JSON.stringify(a.people),
  );
});

test("a group of people in an organisation ('Labour campaign chiefs say') is unnamed, not the organisation", () => {
  const a = enrich("But Labour campaign chiefs say there are no plans for a daily news conference.");
  const q = a.quotes.find((x) => x.text.startsWith("there are no plans"));
  assert.ok(q, JSON.stringify(a.quotes));
  assert.equal(q.speaker, null);
});

test("an untagged 'the Scottish Executive' is an organisation that speaks", () => {
  const a = enrich("The Scottish Executive believes that the legislation should be handled by Westminster.");
  assert.equal(a.quotes.find((q) => q.text.includes("legislation"))?.speaker, "Scottish Executive");
});
