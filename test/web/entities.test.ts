import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { sectionSlug } from "../../src/model/article.ts";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { articlePath } from "../../src/web/urls.ts";
import { runCliOk } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";
import { REFERENCE_ARTICLE } from "./support.ts";

const REFERENCE_ID = "cameron-rejects-russia-security-call-over-litvinenko";

// A later story quoting the same person, with a quote block whose speaker only enrichment knows.
const LATER = {
  id: "cameron-later",
  slug: "cameron-visits-quillhaven-harbour",
  section: "Politics",
  headline: "Cameron visits Quillhaven harbour",
  firstPublished: "2026-05-01T10:00:00.000Z",
  people: [{ name: "David Cameron", aliases: ["Mr Cameron"] }],
  blocks: [
    { type: "paragraph" as const, text: "David Cameron toured the harbour on Friday." },
    { type: "quote" as const, text: "This harbour is the heart of the town." },
    { type: "quote" as const, text: "Ships have sailed from here for centuries.", speaker: "Harbour Master" },
  ],
  quotes: [
    {
      text: "This harbour is the heart of the town.",
      speaker: "David Cameron",
      type: "direct" as const,
      blockIndex: 1,
    },
  ],
};

describe("entities on the article page and a person's quotes, with the imported reference article", () => {
  const tmp = tempSqlitePath();
  let store: Store;
  let server: RunningServer;
  let referencePath = "";
  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 200, path);
    return res.text();
  };

  before(async () => {
    if (existsSync(REFERENCE_ARTICLE)) {
      // Imported as a newsroom would: the CLI into its own store, enriched on the way in.
      runCliOk(["import", REFERENCE_ARTICLE, "--db", tmp.path]);
    }
    store = await openStore(tmp.path);
    await saveArticle(store, LATER);
    const stored = await getArticle(store, REFERENCE_ID);
    assert.equal(Boolean(stored), existsSync(REFERENCE_ARTICLE), "the reference article was imported");
    if (stored) {
      referencePath = articlePath({ sectionSlug: sectionSlug(stored.article.section), slug: stored.article.slug });
    }
    server = await startServer({ store, port: 0 });
  });
  after(async () => {
    await server?.close();
    await store?.close();
    tmp.cleanup();
  });

  test("the reference article links its people, organisations and places to their tag pages", async (t) => {
    if (!referencePath) return t.skip(`no reference article at ${REFERENCE_ARTICLE}`);
    const html = await get(referencePath);
    const topics = /<section class="topics"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? "";
    for (const link of [
      '<a href="/people/david-cameron">David Cameron</a>',
      '<a href="/people/dmitry-medvedev">Dmitry Medvedev</a>',
      '<a href="/people/marina-litvinenko">Marina Litvinenko</a>',
      '<a href="/organisations/bp">BP</a>',
      '<a href="/places/moscow">Moscow</a>',
    ]) {
      assert.ok(topics.includes(link), link);
    }
    // Every linked tag page exists.
    for (const [, href] of topics.matchAll(/href="([^"]+)"/g)) await get(href);
  });

  test("David Cameron's page lists his quotes from every article, newest first", async (t) => {
    if (!referencePath) return t.skip(`no reference article at ${REFERENCE_ARTICLE}`);
    const html = await get("/people/david-cameron");
    const quotes = /<section class="person-quotes"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? "";
    const items = [...quotes.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]);
    assert.ok(items.length >= 10, `${items.length} quotes`);
    // The reference article has no date in its source, so it was dated at import (today): its
    // quotes are the newest and come first, the harbour visit of 1 May 2026 after them.
    const harbour = items.findIndex((i) => /This harbour is the heart of the town\./.test(i));
    assert.equal(harbour, items.length - 1, "the older story's quote comes last");
    assert.match(items[harbour], /Cameron visits Quillhaven harbour/);
    // In the site's time zone (Europe/London, BST in May), with the full time on hover.
    assert.match(items[harbour], /<time datetime="2026-05-01T11:00:00\+01:00" title="1 May 2026, 11:00 BST">/);
    const fromReference = items.slice(0, harbour).join("\n");
    assert.match(fromReference, /We are stronger together\./);
    assert.match(fromReference, /The fact is the two governments don(&#39;|')t agree on Litvinenko/);
    assert.ok(
      items.slice(0, harbour).every((i) => i.includes(referencePath)),
      "the rest come from the reference article",
    );
    assert.doesNotMatch(quotes, /This will never happen whatever the circumstances/, "Medvedev's words are not his");
  });

  test("quote blocks name their speaker, linked to the person's page when the story names them", async () => {
    const html = await get("/news/politics/cameron-visits-quillhaven-harbour");
    assert.match(
      html,
      /<p>This harbour is the heart of the town\.<\/p><\/blockquote><figcaption><cite><a href="\/people\/david-cameron">David Cameron<\/a><\/cite><\/figcaption>/,
    );
    assert.match(
      html,
      /<p>Ships have sailed from here for centuries\.<\/p><\/blockquote><figcaption><cite>Harbour Master<\/cite>/,
    );
  });
});
