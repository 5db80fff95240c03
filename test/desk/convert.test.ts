import assert from "node:assert/strict";
import { test } from "node:test";
import type { Block } from "../../src/blocks/block.ts";
import { blocksToDoc, docToBlocks, inlineHtmlToNodes, nodesToInline } from "../../src/desk/convert.ts";
import { mergeStory } from "../../src/desk/merge.ts";
import { parseArticle } from "../../src/model/article.ts";
import { buildSampleArticles } from "../../src/sample/seed.ts";

test("every sample article's blocks survive the editor document round trip unchanged", () => {
  const articles = buildSampleArticles();
  assert.ok(articles.length >= 10);
  const seen = new Set<string>();
  for (const article of articles) {
    const back = docToBlocks(blocksToDoc(article.blocks));
    assert.deepEqual(back, article.blocks, article.id);
    // And still a valid article for the model.
    parseArticle({ ...article, blocks: back });
    for (const b of article.blocks) seen.add(b.type);
  }
  // The samples exercise every block type, so every editor node is covered.
  assert.deepEqual([...seen].sort(), [
    "crosshead",
    "embed",
    "external-links",
    "image",
    "list",
    "media",
    "paragraph",
    "quote",
    "related-stories",
  ]);
});

test("paragraph markup: bold, italic and links convert to marks and back to the same markup", () => {
  const blocks: Block[] = [
    {
      type: "paragraph",
      text: "Read the report by the council now.",
      html: 'Read <a href="https://example.org/r?a=1&amp;b=2">the <strong>report</strong></a> by <em>the council</em> now.',
    },
    { type: "paragraph", text: "Line one\nline two", html: "Line one<br>line two" },
  ];
  const once = docToBlocks(blocksToDoc(blocks));
  assert.deepEqual(once, blocks);
  const link = inlineHtmlToNodes(blocks[0].type === "paragraph" ? blocks[0].html! : "")[1];
  assert.deepEqual(link.marks, [{ type: "link", attrs: { href: "https://example.org/r?a=1&b=2" } }]);
});

test("imported markup the editor has no mark for keeps its text; entities decode; text stays plain", () => {
  const nodes = inlineHtmlToNodes("H<sub>2</sub>O &amp; <abbr title='x'>NHS</abbr> &lt;tag&gt;");
  const inline = nodesToInline(nodes);
  assert.equal(inline.text, "H2O & NHS <tag>");
  assert.equal(inline.hasMarkup, false);
});

test("empty paragraphs, crossheads and quotes are where the cursor was, not blocks", () => {
  const blocks = docToBlocks({
    type: "doc",
    content: [
      { type: "paragraph" },
      { type: "crosshead", attrs: { level: 2 }, content: [] },
      { type: "quote", attrs: { speaker: "A" } },
      { type: "paragraph", content: [{ type: "text", text: "Kept" }] },
    ],
  });
  assert.deepEqual(blocks, [{ type: "paragraph", text: "Kept" }]);
});

test("merge: each side's changes are kept; when both changed the body, nothing either wrote is lost", () => {
  const p = (text: string): Block => ({ type: "paragraph", text });
  const base = { headline: "A", summary: "S", blocks: [p("one"), p("two")] };
  const theirs = { headline: "A (updated)", summary: "S", blocks: [p("one"), p("two"), p("their three")] };
  const mine = { headline: "A", summary: "My summary", blocks: [p("one edited"), p("two")] };
  const { merged, conflicts } = mergeStory(base, mine, theirs);
  assert.equal(merged.headline, "A (updated)");
  assert.equal(merged.summary, "My summary");
  assert.deepEqual(conflicts, ["blocks"]);
  assert.deepEqual(merged.blocks, [p("one edited"), p("two"), p("their three")]);
});
