import assert from "node:assert/strict";
import { test } from "node:test";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";

/**
 * The speaker rules that generalise (issue 11): several reports in one sentence, reports in a
 * sentence that also quotes, descriptions and "our correspondent" as speakers, a quote run over
 * paragraphs, a speaker introduced without a reporting verb. Made-up sentences in BBC style.
 */
function enrich(...paragraphs: string[]): Article {
  return enrichArticle(
    parseArticle({
      id: "sieves",
      slug: "sieves",
      section: "Test",
      headline: "Test story",
      firstPublished: null,
      blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
    }),
  );
}

const quote = (a: Article, start: string) => a.quotes.find((q) => q.text.includes(start));

test("several reports in one sentence: a second speech verb and a participle keep the subject", () => {
  const a = enrich(
    "Shell said it would invest more in the North Sea, and added that costs were rising, saying the market was weak.",
  );
  assert.equal(quote(a, "it would invest more")?.speaker, "Shell");
  assert.ok(!quote(a, "it would invest more")?.text.includes("costs were rising"), "the first report stops");
  assert.equal(quote(a, "costs were rising")?.speaker, "Shell");
  assert.equal(quote(a, "the market was weak")?.speaker, "Shell");
  assert.equal(a.quotes.filter((q) => q.type === "indirect").length, 3);
});

test("a report before the sentence's quote, and an aside naming the speaker mid-sentence", () => {
  const a = enrich(
    'Home Secretary Charles Clarke said the police backed his measures and it would be "rash and negligent" to ignore them.',
    "Then, says Mr Clarke, the courts will decide each case.",
  );
  assert.equal(quote(a, "the police backed his measures")?.speaker, "Charles Clarke");
  assert.equal(quote(a, "rash and negligent")?.type, "direct");
  assert.equal(quote(a, "the courts will decide")?.speaker, "Charles Clarke");
});

test("'the prop said' and 'said the world indoor champion' are the person the text is about", () => {
  const a = enrich(
    "Adam Jones says the Wales forwards are ready for Paris.",
    'The prop said: "If we get stuffed in the front five our backs have had it."',
    "Jason Gardener won the 60m in Birmingham on Sunday.",
    '"It\'s a very hard record to break," said the world indoor champion, who hopes to improve.',
  );
  assert.equal(quote(a, "If we get stuffed")?.speaker, "Adam Jones");
  assert.equal(quote(a, "very hard record")?.speaker, "Jason Gardener");
});

test("'our correspondent' is the correspondent the article names, not the minister", () => {
  const a = enrich(
    "Chancellor Gordon Brown will set out his plans on Wednesday.",
    "BBC political correspondent Vicky Young said the speech was a gamble.",
    "The chancellor will be hoping voters listen, our correspondent said.",
  );
  assert.equal(quote(a, "voters listen")?.speaker, "Vicky Young");
});

test("a quote run over paragraphs takes the speaker named at its end", () => {
  const a = enrich(
    "Councillors from Nottingham met the prime minister on Friday.",
    '"The biggest problem we have got is complacency among our own voters.',
    '"It might sound great, but it does create a problem," said councillor Brian Parbutt.',
  );
  assert.equal(quote(a, "The biggest problem")?.speaker, "Brian Parbutt");
  assert.equal(quote(a, "It might sound great")?.speaker, "Brian Parbutt");
});

test("a speaker introduced by the sentence before, without a reporting verb", () => {
  const a = enrich(
    "Mac users are divided over the new machine.",
    'Graham Barlow, editor of Mac Format, has a rather partisan viewpoint. "It\'s just a Mac, but we should be very excited about it."',
  );
  assert.equal(quote(a, "It's just a Mac")?.speaker, "Graham Barlow");
});

test("groups and unnamed sources speak as no one; a definite media noun is the paper that spoke", () => {
  const a = enrich(
    "Opec members said they would cut output next month.",
    "A senior defence official said the figures were not good enough.",
    'Earlier this week, the local Arab News said Labour Minister Ghazi al-Gosaibi had "caused uproar" with his remarks.',
    'The newspaper said many Saudi women found his explanation "a pitiful excuse for not employing women".',
  );
  assert.equal(quote(a, "they would cut output")?.speaker, null);
  assert.equal(quote(a, "the figures were not good enough")?.speaker, null);
  assert.notEqual(quote(a, "a pitiful excuse")?.speaker, "Labour");
});

test("'he told BBC News' is the person who spoke, not one named after a preposition in between", () => {
  const a = enrich(
    "Conservative co-chairman Liam Fox said the election campaign had started badly for Labour.",
    'The attack by Tony Blair on the Tories was unfair. "It is a campaign of fear and smear," he told BBC News.',
  );
  assert.equal(quote(a, "fear and smear")?.speaker, "Liam Fox");
});

test("'he said' after a quote is its speaker unless someone else is named in between", () => {
  const a = enrich(
    'Tory MP Michael Mates told the BBC: "That, as a general rule, is right." He said there had been other occasions when advice was published.',
    '"It is much more akin to wandering through the gallery," said Jemima Rellie. For Richard Tateson, the need grew out of frustration. "I went to an online store," he said.',
  );
  assert.equal(quote(a, "other occasions")?.speaker, "Michael Mates");
  assert.equal(quote(a, "I went to an online store")?.speaker, "Richard Tateson");
});
