import assert from "node:assert/strict";
import { test } from "node:test";
import { type Block, type BlockType, block } from "../../src/blocks/block.ts";
import { fragmentToBlocks } from "../../src/blocks/from-html.ts";
import { mediaType } from "../../src/blocks/media/mime.ts";
import { blockText } from "../../src/blocks/text.ts";
import { blocksToHtml } from "../../src/blocks/to-html.ts";
import { htmlToBlocks as ninjsHtmlToBlocks } from "../../src/ingest/ninjs/html-to-blocks.ts";
import { sanitizeEmbedHtml } from "../../src/ingest/sanitize.ts";

/** One block of every type, as the model stores it. */
const everyType: { [T in BlockType]: Extract<Block, { type: T }> } = {
  paragraph: { type: "paragraph", text: "Fares rise.", html: 'Fares <a href="https://example.org/f">rise</a>.' },
  crosshead: { type: "crosshead", text: "Costs & fares", level: 3 },
  quote: { type: "quote", text: "It is safe.", speaker: "Ann Hill", pull: true },
  media: {
    type: "media",
    kind: "audio",
    caption: "The interview",
    sources: [{ src: "https://cdn.example.org/a.m3u8", mimeType: "application/vnd.apple.mpegurl" }],
    durationSeconds: 0,
    fallbackText: "No player here",
  },
  image: {
    type: "image",
    src: "https://cdn.example.org/b.jpg",
    alt: "A bridge",
    caption: "At dawn",
    credit: "Photo: J. Smith",
    sizes: [{ src: "https://cdn.example.org/b-640.jpg", width: 640 }],
  },
  list: { type: "list", ordered: false, items: ["One", "Two <early>"] },
  embed: { type: "embed", url: "https://maps.example.org/m", provider: "Maps", title: "A map" },
  "related-stories": {
    type: "related-stories",
    title: "More on this story",
    items: [{ title: "Closed", url: "https://news.example.org/c", articleId: "c-1" }],
  },
  "external-links": {
    type: "external-links",
    title: "Related Internet links",
    items: [{ title: "Authority", url: "https://harbour.example.org/" }],
    disclaimer: "Not ours.",
  },
};

test("every block type reads back from its own HTML unchanged", () => {
  for (const original of Object.values(everyType)) {
    const [back, ...rest] = fragmentToBlocks(blocksToHtml([original]));
    assert.deepEqual(rest, [], original.type);
    assert.deepEqual(block.parse(back), block.parse(original), original.type);
  }
});

test("the HTML importer's converter and the ninjs importer read the same markup the same way", () => {
  const html =
    '<p>Intro <em>text</em>.</p><figure><video controls><source src="https://cdn.example.org/live.m3u8"></video><figcaption>Live</figcaption></figure><blockquote><p>Quoted.</p></blockquote>';
  const shared = fragmentToBlocks(html, "https://example.org/");
  assert.deepEqual(ninjsHtmlToBlocks(html, "https://example.org/"), shared);
  const media = shared.find((b) => b.type === "media");
  assert.equal(media?.type === "media" && media.sources[0].mimeType, "application/vnd.apple.mpegurl");
});

test("one MIME table: a declared type wins (without parameters), else the extension decides", () => {
  assert.equal(mediaType("https://x.example/a.m3u8"), "application/vnd.apple.mpegurl");
  assert.equal(mediaType("https://x.example/a.MP4?t=1"), "video/mp4");
  assert.equal(mediaType("https://x.example/a", "video/webm; codecs=vp9"), "video/webm");
  assert.equal(mediaType("https://x.example/a.exe"), undefined);
});

test("embed markup keeps harmless structure and drops anything that runs or loads insecurely", () => {
  const out = sanitizeEmbedHtml(
    '<blockquote class="twitter-tweet" onclick="x()"><p>Hi <a href="javascript:alert(1)">x</a> <a href="/p">post</a></p><script>alert(1)</script></blockquote><iframe src="http://insecure.example/"></iframe><iframe src="https://ok.example/e" width="300"></iframe><img src="data:image/png;base64,AA" onerror="x()">',
    "https://social.example/",
  );
  assert.match(out, /<blockquote class="twitter-tweet">/);
  assert.match(out, /<a href="https:\/\/social.example\/p">post<\/a>/);
  assert.match(out, /<iframe src="https:\/\/ok.example\/e" width="300"><\/iframe>/);
  assert.doesNotMatch(out, /script|onclick|onerror|javascript:|http:\/\/insecure|data:/);
});

test("the plain text of each block type", () => {
  assert.deepEqual(Object.values(everyType).map(blockText), [
    "Fares rise.",
    "Costs & fares",
    "It is safe.",
    "The interview",
    "At dawn",
    "One\nTwo <early>",
    "A map",
    "",
    "",
  ]);
});
