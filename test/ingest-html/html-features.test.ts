import assert from "node:assert/strict";
import { test } from "node:test";
import type { Block } from "../../src/blocks/block.ts";
import { detectImporter } from "../../src/ingest/formats.ts";
import type { Source } from "../../src/ingest/importer.ts";
import { type Article, parseArticle } from "../../src/model/article.ts";

/** What extraction recovers from a page: metadata, typed blocks, resolved links; furniture left out. */

const FILLER =
  "The harbour authority said the work would be finished before the summer season, when ferry traffic peaks.";

const PAGE = `<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Harbour plan approved after two-year dispute | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Harbour plan approved after two-year dispute | Example News">
<meta property="og:description" content="Councillors back the waterfront redevelopment.">
<meta property="og:image" content="/images/lead.jpg">
<meta property="article:section" content="Local">
<link rel="canonical" href="https://news.example.com/local/harbour-plan">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
 {"@type":"NewsArticle","headline":"Harbour plan approved after two-year dispute",
  "author":[{"@type":"Person","name":"Jane Reporter"},{"@type":"Person","name":"Sam Writer"}],
  "datePublished":"2024-03-01T09:00:00+01:00","dateModified":"2024-03-01T12:30:00+01:00","articleSection":"Local news"}]}
</script>
</head><body>
<header><nav class="site-nav"><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article>
<h1>Harbour plan approved after two-year dispute</h1>
<div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
<p>The council voted on Tuesday to approve the <a href="/topics/harbour">harbour redevelopment plan</a>, ending a two-year dispute over the future of the waterfront.</p>
<p>${FILLER} Councillors said the decision would bring <em>jobs</em> and new housing to the area.</p>
<h2>What happens next</h2>
<p>${FILLER} Contracts will be signed within weeks, with local firms given priority, officials said.</p>
<figure><img src="images/quay.jpg" srcset="images/quay-640.jpg 640w, images/quay-1280.jpg 1280w" alt="The quay at dusk" width="1280" height="720">
<figcaption>The quay will become a public park <span class="credit">Photo: Alex Lens</span></figcaption></figure>
<blockquote><p>We have listened to residents and changed the plan.</p></blockquote>
<p>${FILLER} The plan has three parts:</p>
<ul><li>a new ferry terminal</li><li>a public park along the quay</li><li>four hundred homes</li></ul>
<figure><video poster="/video/poster.jpg" controls><source src="/video/harbour.mp4" type="video/mp4"><source src="/video/harbour.webm"></video>
<figcaption>Watch: the harbour from the air</figcaption></figure>
<figure><audio src="/audio/interview.mp3" controls></audio><figcaption>Listen: the mayor on the vote</figcaption></figure>
<iframe src="https://www.youtube.com/embed/abc123" title="Council debate" width="560" height="315"></iframe>
<p>${FILLER} Residents' groups have promised to keep campaigning against parts of the scheme.</p>
<div class="related-stories"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">Park opens</a></li></ul></div>
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/c">Celebrity news</a></li><li><a href="/d">Weather</a></li></ol></aside>
<section id="comments"><h2>Comments</h2><p>I think this plan is a terrible idea and the council should resign immediately, all of them.</p></section>
<footer>© Example News 2024</footer>
</body></html>`;

async function importPage(source: Source): Promise<Article> {
  const importer = detectImporter(source);
  assert.equal(importer?.format, "html");
  const [input] = await importer.parse(source);
  return parseArticle(input);
}

const of = <T extends Block["type"]>(a: Article, type: T) =>
  a.blocks.filter((b) => b.type === type) as Extract<Block, { type: T }>[];
const allText = (a: Article) => JSON.stringify(a.blocks);

test("metadata comes from JSON-LD, Open Graph and the canonical link", async () => {
  const a = await importPage({ name: "harbour.html", bytes: Buffer.from(PAGE) });
  assert.equal(a.headline, "Harbour plan approved after two-year dispute");
  assert.equal(a.summary, "Councillors back the waterfront redevelopment.");
  assert.deepEqual(
    a.byline.map((p) => p.name),
    ["Jane Reporter", "Sam Writer"],
  );
  assert.equal(a.firstPublished, "2024-03-01T08:00:00.000Z");
  assert.equal(a.updated, "2024-03-01T11:30:00.000Z");
  assert.equal(a.section, "Local news");
  assert.equal(a.language, "en-GB");
  assert.equal(a.direction, "ltr");
  assert.equal(a.sourceUrl, "https://news.example.com/local/harbour-plan");
});

test("the body is typed blocks, with links and images resolved against the canonical URL", async () => {
  const a = await importPage({ name: "harbour.html", bytes: Buffer.from(PAGE) });
  const [lead, ...images] = of(a, "image");
  assert.equal(lead.src, "https://news.example.com/images/lead.jpg", "the lead image opens the body");
  assert.deepEqual(images[0], {
    type: "image",
    src: "https://news.example.com/local/images/quay.jpg",
    alt: "The quay at dusk",
    caption: "The quay will become a public park",
    credit: "Alex Lens",
    width: 1280,
    height: 720,
    sizes: [
      { src: "https://news.example.com/local/images/quay-640.jpg", width: 640 },
      { src: "https://news.example.com/local/images/quay-1280.jpg", width: 1280 },
    ],
  });
  const first = of(a, "paragraph")[0];
  assert.match(first.text, /^The council voted on Tuesday/);
  assert.match(
    first.html ?? "",
    /<a href="https:\/\/news\.example\.com\/topics\/harbour">harbour redevelopment plan<\/a>/,
  );
  assert.deepEqual(
    of(a, "crosshead").map((c) => c.text),
    ["What happens next"],
  );
  assert.deepEqual(
    of(a, "quote").map((q) => q.text),
    ["We have listened to residents and changed the plan."],
  );
  assert.deepEqual(of(a, "list")[0].items, [
    "a new ferry terminal",
    "a public park along the quay",
    "four hundred homes",
  ]);
  const [video, audio] = of(a, "media");
  assert.equal(video.kind, "video");
  assert.equal(video.caption, "Watch: the harbour from the air");
  assert.equal(video.poster, "https://news.example.com/video/poster.jpg");
  assert.deepEqual(video.sources, [
    { src: "https://news.example.com/video/harbour.mp4", mimeType: "video/mp4" },
    { src: "https://news.example.com/video/harbour.webm", mimeType: "video/webm" },
  ]);
  assert.equal(audio.kind, "audio");
  assert.equal(audio.caption, "Listen: the mayor on the vote");
  assert.deepEqual(of(a, "embed"), [
    { type: "embed", url: "https://www.youtube.com/embed/abc123", provider: "youtube", title: "Council debate" },
  ]);
});

test("navigation, share bars, cookie notices, related rails and comments are left out", async () => {
  const a = await importPage({ name: "harbour.html", bytes: Buffer.from(PAGE) });
  const text = allText(a);
  for (const furniture of [
    "Home",
    "Share on",
    "cookies",
    "Related stories",
    "Ferry fares",
    "Most read",
    "Celebrity",
    "terrible idea",
    "© Example",
  ]) {
    assert.ok(!text.includes(furniture), `${furniture} leaked into the body`);
  }
  assert.equal(of(a, "paragraph").length, 5);
});

test("--base-url wins over the canonical link for resolving relative URLs", async () => {
  const a = await importPage({
    name: "harbour.html",
    bytes: Buffer.from(PAGE),
    baseUrl: "https://mirror.example.org/copy/page.html",
  });
  assert.equal(of(a, "image")[1].src, "https://mirror.example.org/copy/images/quay.jpg");
  assert.match(of(a, "paragraph")[0].html ?? "", /https:\/\/mirror\.example\.org\/topics\/harbour/);
});

test("HTML is detected by content whatever the file is called, and re-import keeps the id", async () => {
  const a = await importPage({ name: "download.txt", bytes: Buffer.from(PAGE) });
  const b = await importPage({ name: "other-name.bin", bytes: Buffer.from(PAGE) });
  assert.equal(a.id, b.id, "the id comes from the canonical URL");
});

test("a right-to-left page keeps its language and direction", async () => {
  const page = `<!doctype html><html lang="ar" dir="rtl"><head><title>المجلس يوافق على خطة الميناء</title></head><body><article>
    <h1>المجلس يوافق على خطة الميناء</h1>
    <p>${"وافق المجلس يوم الثلاثاء على خطة تطوير الميناء، منهياً نزاعاً استمر عامين حول مستقبل الواجهة البحرية. ".repeat(4)}</p>
    <p>${"وقال أعضاء المجلس إن القرار سيجلب فرص عمل ومساكن جديدة إلى المنطقة. ".repeat(4)}</p></article></body></html>`;
  const a = await importPage({ name: "ar.html", bytes: Buffer.from(page) });
  assert.equal(a.language, "ar");
  assert.equal(a.direction, "rtl");
  assert.equal(a.headline, "المجلس يوافق على خطة الميناء");
  assert.ok(of(a, "paragraph").length >= 2);
});

test("a Hebrew page that declares only its language is right-to-left", async () => {
  const page = `<!doctype html><html lang="he"><head><title>המועצה אישרה את תוכנית הנמל</title></head><body><article>
    <p>${"המועצה הצביעה ביום שלישי בעד תוכנית הפיתוח של הנמל, וסיימה מחלוקת של שנתיים. ".repeat(6)}</p></article></body></html>`;
  const a = await importPage({ name: "he.html", bytes: Buffer.from(page) });
  assert.equal(a.language, "he");
  assert.equal(a.direction, "rtl");
});

test("a page in a legacy charset is decoded by its declaration", async () => {
  const page = `<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Le conseil approuve le plan du port</title></head><body><article>
    <p>${"Le conseil a approuvé mardi le projet de réaménagement du port, mettant fin à deux années de différend. ".repeat(4)}</p></article></body></html>`;
  const { default: iconv } = await import("iconv-lite");
  const a = await importPage({ name: "fr.html", bytes: iconv.encode(page, "windows-1252") });
  assert.equal(a.language, "fr");
  assert.match(of(a, "paragraph")[0].text, /a approuvé mardi le projet de réaménagement/);
});
