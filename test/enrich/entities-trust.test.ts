import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";
import { BBC_CORPUS } from "../support/bbc-corpus.ts";
import { articleFromFile } from "./support/plain-text.ts";

function enrich(paragraphs: string[], byline: string[] = []): Article {
  return enrichArticle(
    parseArticle({
      id: "t",
      slug: "t",
      section: "News",
      headline: "Ministers meet",
      byline: byline.map((name) => ({ name })),
      blocks: paragraphs.map((text) => ({ type: "paragraph" as const, text })),
    }),
  );
}

const names = (list: { name: string }[]) => list.map((e) => e.name);

test("a job title joined to a name belongs to the person: name, alias and role", () => {
  const a = enrich([
    "Trade and Industry Secretary Patricia Hewitt said the plan would work. Ms Hewitt added that it was fair.",
  ]);
  const hewitt = a.people.find((p) => p.name === "Patricia Hewitt");
  assert.ok(hewitt, JSON.stringify(a.people));
  assert.equal(hewitt.role, "Trade and Industry Secretary");
  assert.ok(hewitt.aliases.includes("Ms Hewitt"));
  const all = [...names(a.people), ...names(a.organisations), ...names(a.places)];
  assert.ok(!all.some((n) => /Secretary/.test(n)), all.join(", "));
});

test("titles, honorifics and common words are never entities on their own", () => {
  const a = enrich([
    "Boeing sacked Mr Sears in November. Shadow Secretary John Smith said the Government had failed.",
    "Family members said the Tories had let them down. Labour said it would win.",
  ]);
  const all = [...names(a.people), ...names(a.organisations), ...names(a.places)];
  for (const bad of ["Mr", "Shadow Secretary", "Secretary", "Government", "Family"])
    assert.ok(!all.includes(bad), all.join(", "));
  assert.ok(!names(a.places).some((n) => n === "Tories" || n === "Labour"), names(a.places).join(", "));
  assert.ok(names(a.people).includes("Sears"));
});

test("singular, plural and short forms of a party are one organisation; an acronym joins its full name", () => {
  const a = enrich([
    "The Liberal Democrats launched their plan. A Liberal Democrat spokesman said the Lib Dems would fund it.",
    "The Securities and Exchange Commission is investigating. The SEC declined to comment.",
  ]);
  const libDems = a.organisations.filter((o) => /Lib|Liberal/.test(o.name));
  assert.equal(libDems.length, 1, JSON.stringify(a.organisations));
  assert.equal(libDems[0].name, "Liberal Democrats");
  const sec = a.organisations.filter((o) => o.name === "SEC" || o.name === "Securities and Exchange Commission");
  assert.equal(sec.length, 1, JSON.stringify(a.organisations));
  assert.ok(sec[0].aliases.includes("SEC"));
});

test("datelines and bylines are not entities", () => {
  const a = enrich(
    [
      "LONDON (Reuters) - Shares in Vodafone rose on Tuesday after the company said profits had grown.",
      "By Eleanor Ainge Roy",
    ],
    ["Eleanor Ainge Roy"],
  );
  const all = [...names(a.people), ...names(a.organisations), ...names(a.places)];
  assert.ok(!all.some((n) => /LONDON|Reuters|Eleanor|Ainge/.test(n)), all.join(", "));
  // The rest of the paragraph is still read.
  assert.ok(all.includes("Vodafone"), all.join(", "));
});

test('"…fear and smear," he told BBC News: the pronoun is Liam Fox, the subject of the sentence before, not Tony Blair', () => {
  const a = articleFromFile(join(BBC_CORPUS, "politics/007.txt"));
  const q = enrichArticle(a).quotes.find((x) => x.text.includes("fear and smear"));
  assert.equal(q?.speaker, "Liam Fox");
});
