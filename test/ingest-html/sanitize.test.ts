import assert from "node:assert/strict";
import { test } from "node:test";
import { safeText, safeUrl, sanitizeInlineHtml } from "../../src/ingest/sanitize.ts";

test("safeUrl keeps http(s), resolves relative URLs and refuses script and data schemes", () => {
  assert.equal(safeUrl("/a/b.jpg", "https://example.com/x/y"), "https://example.com/a/b.jpg");
  assert.equal(safeUrl("//cdn.example.com/i.png", "https://example.com/"), "https://cdn.example.com/i.png");
  assert.equal(safeUrl("img.png"), undefined, "relative without a base cannot be resolved");
  for (const bad of [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "\u0001javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/png;base64,AAAA",
  ]) {
    assert.equal(safeUrl(bad, "https://example.com/"), undefined, bad);
  }
  assert.equal(safeUrl("mailto:desk@example.com", undefined, { links: true }), "mailto:desk@example.com");
  assert.equal(safeUrl("mailto:desk@example.com"), undefined, "only links may be mailto");
});

test("sanitizeInlineHtml keeps inline markup and safe links only", () => {
  assert.equal(
    sanitizeInlineHtml(
      '<b onclick="x()">Bold</b> <a href="/p" style="color:red" target="_blank">link</a> <a href="javascript:x()">bad</a><img src=x onerror=alert(1)><script>alert(1)</script><span style="x">plain</span>',
      "https://example.com/",
    ),
    '<b>Bold</b> <a href="https://example.com/p">link</a> <a>bad</a>plain',
  );
  assert.equal(sanitizeInlineHtml("<svg><script>alert(1)</script></svg>x<iframe srcdoc='<script>'></iframe>"), "x");
});

test("safeText removes markup and active literal tags but keeps harmless angle brackets", () => {
  assert.equal(safeText("<p>Hello <b>world</b></p><script>alert(1)</script>"), "Hello world");
  assert.equal(safeText("&lt;script&gt;alert(1)&lt;/script&gt;Hi"), "alert(1)Hi");
  assert.equal(safeText("&lt;img src=x onerror=alert(1)&gt;Hi"), "Hi");
  assert.equal(safeText("<The Palace: Tale of Jang Noksu>"), "<The Palace: Tale of Jang Noksu>");
  assert.equal(safeText("a < b && c > d"), "a < b && c > d");
  assert.equal(safeText("  tabs\tand\u0000 nulls \n\n\n lines ", { keepNewlines: true }), "tabs and nulls\n\nlines");
});

test("safeText decodes every HTML entity, named or numeric, through the entities package", () => {
  assert.equal(safeText("Caf&eacute;"), "Café");
  assert.equal(safeText("&Aring;se &mdash; &#8364;5 &#x263A; &hellip;"), "Åse — €5 ☺ …");
  // Only with the semicolon: a query string in plain text is left as written.
  assert.equal(safeText("?a=1&para=2"), "?a=1&para=2");
});
