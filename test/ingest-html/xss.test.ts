import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { detectImporter } from "../../src/ingest/formats.ts";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { type TestStore, tempStore } from "../support/stores.ts";

/**
 * A page full of XSS payloads, imported and stored in a real SQLite store: the stored document (as
 * the store holds it, JSON text) must carry none of them, while the real story text survives.
 */

const PAGE = `<!doctype html>
<html lang="en"><head>
<title>&lt;img src=x onerror=alert('title')&gt;Council approves harbour plan</title>
<meta property="og:image" content="javascript:alert('og')">
<meta property="og:description" content="<script>alert('desc')</script>Harbour plan approved">
<link rel="canonical" href="javascript:alert('canonical')">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves <script>alert('ld')<\\/script>harbour plan",
 "author":{"@type":"Person","name":"<img src=x onerror=alert('author')>Jane Reporter"},"datePublished":"2024-03-01T09:00:00Z"}</script>
<style>body{background:url("javascript:alert('css')")}</style>
<script>alert('head')</script>
</head>
<body onload="alert('body')">
<article>
<h1 onclick="alert('h1')">Council approves harbour plan</h1>
<p>The council voted on Tuesday to approve the harbour redevelopment plan, ending a two-year dispute over
the future of the waterfront. <a href="javascript:alert('link')">Read the plan</a> and
<a href="JaVaScRiPt:alert('mixed')">the summary</a>, or <a href="  java&#x09;script:alert('tab')">the annex</a>.</p>
<p style="position:fixed;top:0;background:url(javascript:alert('style'))">Councillors said the decision would bring
jobs and new housing to the area, although residents' groups have promised to keep campaigning.</p>
<img src="x" onerror="alert('img')">
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="data image">
<p>The plan includes a new ferry terminal <svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
and a public park along the quay, with work due to start next year.</p>
<iframe srcdoc="<script>alert('srcdoc')</script>"></iframe>
<iframe src="javascript:alert('iframe')"></iframe>
<p>Opponents <a href="data:text/html,<script>alert('data')</script>">published a letter</a> arguing
that the cost estimates were too optimistic and that the consultation had been rushed.</p>
<object data="javascript:alert('object')"></object><embed src="javascript:alert('embed')">
<form action="javascript:alert('form')"><input onfocus="alert('input')" autofocus></form>
<math><mtext><script>alert('math')</script></mtext></math>
<p>&lt;script&gt;alert('escaped')&lt;/script&gt;The mayor welcomed the vote and said the first contracts would be
signed within weeks, with local firms given priority.</p>
<video src="javascript:alert('video')" poster="javascript:alert('poster')" onerror="alert('video')"></video>
<blockquote onmouseover="alert('quote')">We have listened to residents and changed the plan.</blockquote>
<p><a href="https://example.org/plan" onclick="alert('click')" style="color:red">The full plan</a> is online.</p>
</article></body></html>`;

const PAYLOADS =
  /<script|<\/script|<svg|<iframe|<object|<embed|<style|<form|<math|srcdoc|\bon[a-z]+\s*=|javascript\s*:|data:|alert\(|style\s*=|expression\(/i;

let ts: TestStore;
before(async () => {
  ts = await tempStore("sqlite");
});
after(async () => {
  await ts.cleanup();
});

test("no XSS payload survives into the stored article", async () => {
  const source = { name: "xss.html", bytes: Buffer.from(PAGE), baseUrl: "https://news.example.com/harbour" };
  const importer = detectImporter(source);
  assert.equal(importer?.format, "html");
  const [input] = await importer.parse(source);
  const saved = await saveArticle(ts.store, input);

  const row = await kyselyOf(ts.store)
    .selectFrom("articles")
    .select(["doc", "body_text", "headline", "summary"])
    .where("id", "=", saved.id)
    .executeTakeFirstOrThrow();
  for (const [field, value] of Object.entries(row)) {
    const hit = value.match(PAYLOADS);
    assert.equal(
      hit,
      null,
      `stored ${field} carries ${hit?.[0]}: …${value.slice(Math.max(0, (hit?.index ?? 0) - 60), (hit?.index ?? 0) + 60)}…`,
    );
  }

  const stored = (await getArticle(ts.store, saved.id))!.article;
  assert.equal(stored.headline, "Council approves harbour plan");
  assert.deepEqual(
    stored.byline.map((p) => p.name),
    ["Jane Reporter"],
  );
  assert.equal(stored.sourceUrl, "https://news.example.com/harbour");
  const text = stored.blocks.map((b) => ("text" in b ? b.text : "")).join("\n");
  assert.match(text, /voted on Tuesday to approve the harbour redevelopment plan/);
  assert.match(text, /The mayor welcomed the vote/);
  // The one safe link survives, resolved and stripped of its handler and style.
  assert.ok(JSON.stringify(stored.blocks).includes('<a href=\\"https://example.org/plan\\">The full plan</a>'));
});
