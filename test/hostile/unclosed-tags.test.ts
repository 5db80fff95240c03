import assert from "node:assert/strict";
import { test } from "node:test";
import { parseHTML } from "linkedom";
import { unclosedTagsPage } from "../../bench/hostile/unclosed-page.ts";
import { limitNesting } from "../../src/ingest/html/depth.ts";
import { prepareBytes } from "../../src/ingest/pipeline.ts";

function maxDepth(html: string): number {
  const { document } = parseHTML(html);
  let deepest = 0;
  const stack: [Element, number][] = [[document.documentElement as unknown as Element, 0]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (const child of Array.from(el.children)) stack.push([child, d + 1]);
  }
  return deepest;
}

// Finding 15: unclosed inline tags must not nest each paragraph inside the one before, which made
// Readability's work grow with depth × size. The work per page is bounded by keeping the tree shallow.
test("a page of unclosed inline tags parses to a shallow tree, one paragraph per <p>", async () => {
  const html = unclosedTagsPage(60 * 1024);
  const paragraphs = html.split("<p>").length - 1;
  assert.ok(maxDepth(limitNesting(html).html) < 12, "the tree stays shallow");
  const prepared = await prepareBytes({ name: "unclosed.html" } as never, Buffer.from(html), { enrich: false });
  const blocks = prepared.articles[0].blocks.filter((b) => b.type === "paragraph");
  assert.equal(blocks.length, paragraphs);
  assert.match(JSON.stringify(blocks[5]), /word/);
});

test("well-formed pages are left as they are", () => {
  const html =
    "<article><p>One <b>two</b></p><div><p>Three</p><ul><li>a<li>b</ul></div><script>if (a<b) {}</script></article>";
  assert.deepEqual(limitNesting(html), { html, flattened: false });
});

test("a block inside an open paragraph closes it and the inline tags left open", () => {
  const { html } = limitNesting("<p>a <b>b <i>c<div>d</div>");
  assert.equal(html, "<p>a <b>b <i>c</i></b></p><div>d</div>");
});
