import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { enrichArticle, MAX_QUOTES_PER_ARTICLE } from "../../src/enrich/enrich.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";

function articleOf(paragraphs: string[], firstPublished: string | null = null): Article {
  return parseArticle({
    id: "odd-input",
    slug: "odd-input",
    section: "Test",
    headline: "Odd input",
    firstPublished,
    blocks: paragraphs.filter((p) => p.length > 0).map((text) => ({ type: "paragraph", text })),
  });
}

/** Every quote's text comes from the article, so nothing is invented from odd input. */
function assertQuotesFromText(article: Article): void {
  const body = article.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  for (const q of article.quotes) assert.ok(body.includes(q.text), `quote not in text: ${q.text.slice(0, 60)}`);
}

test("unbalanced quote marks: an unclosed quote runs to the paragraph end", () => {
  const a = enrichArticle(articleOf(['Mr Jones said: "We will never give in, not ever', "Then he left."]));
  assertQuotesFromText(a);
  assert.equal(a.quotes[0]?.text, "We will never give in, not ever");
});

test("stray closing marks and lone marks do not break what follows", () => {
  const a = enrichArticle(
    articleOf(['” odd start " and "', '"Prices will rise next year," said Anna Smith, an economist.', '"', '""""']),
  );
  assertQuotesFromText(a);
  assert.ok(a.quotes.some((q) => q.text === "Prices will rise next year" && q.speaker === "Anna Smith"));
});

test("curly and straight quotes mixed, and quotes inside quotes", () => {
  const a = enrichArticle(
    articleOf([
      '“It is over," said Tom Brown. "We lost the vote,” he added.',
      "Mr Brown said: “They told me ‘never again’ and I believed them.”",
      'Ms Green said: "He called it "a farce" on Monday, and I agree with him entirely."',
    ]),
  );
  assertQuotesFromText(a);
  assert.ok(a.quotes.some((q) => q.text.startsWith("It is over") && q.speaker === "Tom Brown"));
  assert.ok(a.quotes.some((q) => q.text.startsWith("They told me ‘never again’") && q.speaker === "Tom Brown"));
});

test("a 1 MB paragraph, and pathological repetitions, are processed without blowing up", { timeout: 120_000 }, () => {
  const sentence = 'Mr Smith said: "The plan will cost £5m and create 200 jobs by next year." ';
  const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
  const a = enrichArticle(articleOf([big], "2005-03-01T00:00:00Z"));
  assert.ok(big.length >= 1_000_000);
  // Thousands of quotes are found; an article keeps at most MAX_QUOTES_PER_ARTICLE (hostile-input bound).
  assert.equal(a.quotes.length, MAX_QUOTES_PER_ARTICLE);
  assert.ok(a.figures.some((f) => f.kind === "money" && f.value === 5_000_000));
  // Inputs that make badly written regular expressions backtrack for ever.
  const nasty = [
    "a-".repeat(200_000),
    "1,".repeat(200_000),
    `£${"1".repeat(100_000)}`,
    `${"Mr ".repeat(50_000)}Smith said it.`,
    '"'.repeat(100_000),
    `${"next ".repeat(50_000)}year`,
    "U.S.".repeat(100_000),
    `${"'s ".repeat(50_000)}`,
  ];
  for (const text of nasty) enrichArticle(articleOf([text], "2005-03-01T00:00:00Z"));
});

test("text in other scripts and odd characters", () => {
  const a = enrichArticle(
    articleOf([
      "Владимир Путин сказал: «Мы очень рады видеть вас сегодня здесь снова».",
      "习近平说：“我们欢迎合作。”",
      'قال الرئيس: "نحن سعداء"',
      "Emoji 🎉🎉 and combining marks é and \u0000 nulls \uFFFD and a lone surrogate \ud800 here.",
    ]),
  );
  assertQuotesFromText(a);
  assert.ok(a.quotes.some((q) => q.text === "Мы очень рады видеть вас сегодня здесь снова"));
});

test("any text: enrichment never throws and quotes always come from the text", () => {
  const piece = fc.constantFrom(
    '"',
    "“",
    "”",
    "'",
    "’",
    " said ",
    "Mr ",
    "Smith",
    ", he said.",
    ":",
    ".",
    "\n",
    "£5m",
    "next year",
    " ",
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string(), piece), { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      const a = enrichArticle(articleOf(text.split("\n"), "2005-03-01T00:00:00Z"));
      assertQuotesFromText(a);
      parseArticle(a);
    }),
    { numRuns: 300 },
  );
});
