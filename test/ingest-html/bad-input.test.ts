import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { detectImporter } from "../../src/ingest/formats.ts";
import { ImportError, type Source } from "../../src/ingest/importer.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";

/** Bad input gives a one-line ImportError or a best-effort article; never a crash, a hang or a stack trace. */

const NEWS = join(import.meta.dirname, "../../../shared/data/readability-news-pages");

async function importOne(source: Source): Promise<Article[]> {
  const importer = detectImporter(source);
  assert.ok(importer, `${source.name} was not detected`);
  const inputs = await importer.parse(source);
  return inputs.map((i) => parseArticle(i));
}

async function expectImportError(source: Source, pattern: RegExp): Promise<void> {
  await assert.rejects(
    async () => importOne(source),
    (error: unknown) => {
      assert.ok(error instanceof ImportError, `expected ImportError, got ${String(error)}`);
      assert.match(error.message, pattern);
      assert.doesNotMatch(error.message, /\n/, "one line");
      return true;
    },
  );
}

test("truncated HTML (a real page cut in half) gives a best-effort article", async () => {
  const full = readFileSync(join(NEWS, "bbc-1", "source.html"));
  const [article] = await importOne({ name: "cut.html", bytes: full.subarray(0, Math.floor(full.length / 2)) });
  assert.equal(article.headline, "Obama admits US gun laws are his 'biggest frustration'");
  assert.ok(article.blocks.filter((b) => b.type === "paragraph").length >= 3);
});

test("a page with no article is a clear error", async () => {
  const page = `<!doctype html><html><head><title></title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© Example</footer></body></html>`;
  await expectImportError({ name: "empty.html", bytes: Buffer.from(page) }, /no article/);
});

test("an empty file named .html is a clear error", async () => {
  await expectImportError({ name: "nothing.html", bytes: Buffer.alloc(0) }, /no article/);
});

test("a 20 MB page is read whole", async () => {
  const p =
    "<p>The council said on Tuesday that the new bridge would open next spring, after two years of delays.</p>\n";
  const page = `<!doctype html><html><head><title>Bridge delays</title></head><body><article><h1>Bridge delays</h1>${p.repeat(
    Math.ceil(20e6 / p.length),
  )}</article></body></html>`;
  assert.ok(page.length >= 20e6);
  const [article] = await importOne({ name: "huge.html", bytes: Buffer.from(page) });
  assert.equal(article.headline, "Bridge delays");
  assert.ok(article.blocks.length > 150_000, `${article.blocks.length} blocks`);
});

test("a page over the size limit is refused with its size", async () => {
  const page = Buffer.alloc(40 * 1024 * 1024, "<p>x</p>");
  page.write("<!doctype html><html><body>", 0);
  await expectImportError({ name: "giant.html", bytes: page }, /40 MB, over the 32 MB limit/);
});

test("100,000 levels of nesting are flattened, not recursed into", async () => {
  const text = "Deeply nested text still belongs to the story and should be kept. ".repeat(5);
  const page = `<!doctype html><html><head><title>Deep</title></head><body>${"<div>".repeat(100_000)}<p>${text}</p>${"</div>".repeat(100_000)}</body></html>`;
  const [article] = await importOne({ name: "deep.html", bytes: Buffer.from(page) });
  assert.ok(article.blocks.some((b) => b.type === "paragraph" && b.text.includes("Deeply nested text")));
});

test("100,000 unclosed nested tags are flattened too", async () => {
  const page = `<!doctype html><html><head><title>Open</title></head><body>${"<div><span><b>".repeat(100_000)}Text that never closes, but is read anyway as the page's body text.`;
  const [article] = await importOne({ name: "open.html", bytes: Buffer.from(page) });
  assert.equal(article.headline, "Open");
});

test("a binary file named .html is a clear error", async () => {
  const bytes = Buffer.alloc(64 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  await expectImportError({ name: "photo.html", bytes }, /binary content, not an HTML page/);
});

test("a feed with broken XML is a clear error naming the line", async () => {
  const feed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>One</title><link>https://example.com/1</link>
</channel></rss>`;
  await expectImportError({ name: "broken.xml", bytes: Buffer.from(feed) }, /broken XML at line \d+/);
});

test("a feed that declares entities (billion laughs) is refused", async () => {
  const feed = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title><item><title>&b;</title></item></channel></rss>`;
  await expectImportError({ name: "laughs.rss", bytes: Buffer.from(feed) }, /entities/);
});

test("a feed with no items is a clear error", async () => {
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>`;
  await expectImportError({ name: "empty.rss", bytes: Buffer.from(feed) }, /no items/);
});
