import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { goldText } from "../../scripts/gold-text.ts";

interface Entity {
  name: string;
  aliases: string[];
}
interface GoldArticle {
  path: string;
  part: "dev" | "sealed";
  double: boolean;
  source?: { corpus: string; file: string; field: string };
  quotes: { key: string; speaker: string | null; type: "direct" | "indirect" }[];
  people: Entity[];
  organisations: Entity[];
  places: Entity[];
}
interface SelectionEntry {
  path: string;
  group: string;
  part: "dev" | "sealed";
  double: boolean;
  source?: { corpus: string; file: string; field: string };
}

const fixture = (name: string) => new URL(`../fixtures/enrich/${name}`, import.meta.url);
const gold = JSON.parse(readFileSync(fixture("gold-2026.json"), "utf8")) as { articles: GoldArticle[] };
const selection = JSON.parse(readFileSync(fixture("gold-selection.json"), "utf8")) as {
  seed: number;
  articles: SelectionEntry[];
};

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();

test("the selection draws 24 articles from each BBC section and 20 non-BBC pages, split 60/40 with 28 doubles", () => {
  const bySection = new Map<string, number>();
  for (const entry of selection.articles) bySection.set(entry.group, (bySection.get(entry.group) ?? 0) + 1);
  for (const section of ["business", "entertainment", "politics", "sport", "tech"]) {
    assert.equal(bySection.get(section), 24, section);
  }
  assert.equal(
    (bySection.get("article-extraction-benchmark") ?? 0) + (bySection.get("readability-news-pages") ?? 0),
    20,
  );
  assert.equal(selection.articles.filter((a) => a.part === "dev").length, 84);
  assert.equal(selection.articles.filter((a) => a.part === "sealed").length, 56);
  const doubles = selection.articles.filter((a) => a.double);
  assert.equal(doubles.length, 28);
  assert.ok(doubles.some((a) => a.part === "dev") && doubles.some((a) => a.part === "sealed"));
  const previous = ["quotes-gold.json", "quotes-heldout.json"].flatMap(
    (name) => (JSON.parse(readFileSync(fixture(name), "utf8")) as { articles: { path: string }[] }).articles,
  );
  for (const { path } of previous) assert.ok(!selection.articles.some((a) => a.path === path), `${path} reused`);
  for (const entry of selection.articles.filter(
    (a) => !/^(business|entertainment|politics|sport|tech)\//.test(a.path),
  )) {
    assert.ok(entry.source?.file && entry.source.field, `${entry.path}: text source recorded`);
  }
});

test("every selected article is annotated once, with the part and double flag of the selection", () => {
  const byPath = new Map(gold.articles.map((a) => [a.path, a]));
  assert.equal(byPath.size, gold.articles.length, "no article twice");
  for (const entry of selection.articles) {
    const article = byPath.get(entry.path);
    assert.ok(article, `${entry.path} annotated`);
    assert.equal(article.part, entry.part, entry.path);
    assert.equal(article.double, entry.double, entry.path);
  }
});

test("gold-2026 keeps short keys that locate text in the article, and speakers that are its entities", () => {
  for (const article of gold.articles) {
    const text = normalize(goldText(article));
    const keys = new Set<string>();
    const names = new Set(
      [...article.people, ...article.organisations, ...article.places].map((entity) => entity.name),
    );
    for (const quote of article.quotes) {
      assert.ok(quote.key.split(" ").length <= 8, `${article.path}: key too long: ${quote.key}`);
      const key = normalize(quote.key);
      assert.ok(text.includes(key), `${article.path}: key not in text: ${quote.key}`);
      assert.ok(!keys.has(key), `${article.path}: key twice: ${quote.key}`);
      keys.add(key);
      assert.ok(quote.type === "direct" || quote.type === "indirect", `${article.path}: type ${quote.type}`);
      if (quote.speaker !== null) assert.ok(names.has(quote.speaker), `${article.path}: speaker ${quote.speaker}`);
    }
  }
});
