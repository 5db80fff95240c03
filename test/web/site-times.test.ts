import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parseSiteConfig } from "../../src/config/site-config.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { buildSampleArticles } from "../../src/sample/seed.ts";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { timeFormat } from "../../src/web/pages/format.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { apiHarness, manualClock } from "../editorial/support.ts";
import { ENGINES, tempSqlitePath, tempStore } from "../support/stores.ts";

const bin = join(import.meta.dirname, "..", "..", "bin", "newsdesk.js");
const NOW = Date.parse("2026-07-01T12:00:00Z");

describe("times in the site's zone", () => {
  test("local time with GMT or BST, the offset in datetime, relative within a day", () => {
    const london = timeFormat("Europe/London", "en-GB");
    assert.equal(london.dateTime("2026-01-15T09:30:00Z"), "15 January 2026, 09:30 GMT");
    assert.equal(london.dateTime("2026-07-01T09:30:00Z"), "1 July 2026, 10:30 BST");
    assert.equal(london.localIso("2026-07-01T09:30:00Z"), "2026-07-01T10:30:00+01:00");
    assert.equal(london.localIso("2026-01-15T09:30:00Z"), "2026-01-15T09:30:00+00:00");
    assert.equal(london.relative("2026-07-01T10:00:00Z", NOW), "2 hours ago");
    assert.equal(london.relative("2026-07-01T11:50:00Z", NOW), "10 minutes ago");
    assert.equal(london.relative("2026-06-28T10:00:00Z", NOW), "28 June 2026");
    // Just before midnight UTC is the next day in London in summer.
    assert.equal(london.date("2026-06-30T23:30:00Z"), "1 July 2026");
    assert.equal(
      timeFormat("America/New_York", "en-GB").dateTime("2026-01-15T09:30:00Z"),
      "15 January 2026, 04:30 GMT-5",
    );
    assert.equal(timeFormat("Europe/London", "fr").relative("2026-07-01T10:00:00Z", NOW), "il y a 2 heures");
  });

  test("the sample newsroom's Updated times are never in the future", () => {
    const now = new Date();
    for (const a of buildSampleArticles(now)) {
      if (a.updated) {
        assert.ok(Date.parse(a.updated) <= now.getTime(), `${a.id} updated ${a.updated}`);
        assert.ok(Date.parse(a.updated) >= Date.parse(a.firstPublished ?? ""), `${a.id} updated before published`);
      }
    }
  });
});

for (const engine of ENGINES) {
  describe(`honest times on the site on ${engine}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    before(async () => {
      const t = await tempStore(engine);
      store = t.store;
      cleanup = t.cleanup;
      server = await startServer({ store, port: 0, config: parseSiteConfig({ name: "The Ledger" }), now: () => NOW });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });
    const page = async (path: string) => (await fetch(`${server.url}${path}`)).text();

    test("cards say how long ago, with the full local time on hover and in datetime", async () => {
      await saveArticle(store, {
        id: "recent",
        slug: "recent-story",
        section: "News",
        headline: "A story from this morning",
        firstPublished: "2026-07-01T10:00:00Z",
        blocks: [{ type: "paragraph", text: "Text." }],
      });
      const html = await page("/news/news");
      assert.match(
        html,
        /<time datetime="2026-07-01T11:00:00\+01:00" title="1 July 2026, 11:00 BST">2 hours ago<\/time>/,
      );
      const article = await page("/news/news/recent-story");
      assert.match(
        article,
        /Published <time datetime="2026-07-01T11:00:00\+01:00" title="1 July 2026, 11:00 BST">2 hours ago/,
      );
    });

    test("Updated appears after a published story's body is edited, not after a tag edit", async () => {
      const clock = manualClock("2026-07-01T11:00:00Z");
      const api = await apiHarness(store, { clock });
      const created = await api.call("POST", "/api/articles", {
        role: "editor",
        body: {
          id: "edited",
          section: "News",
          headline: "Harbour wall repairs begin",
          summary: "Work starts on Monday.",
          blocks: [{ type: "paragraph", text: "Repairs to the harbour wall begin on Monday." }],
        },
      });
      assert.equal(created.status, 201, await created.clone().text());
      let etag = created.headers.get("etag") ?? "";
      const published = await api.call("POST", "/api/articles/edited/publish", { role: "editor", ifMatch: etag });
      assert.equal(published.status, 200);
      etag = published.headers.get("etag") ?? "";
      const path = "/news/news/harbour-wall-repairs-begin";
      assert.doesNotMatch(await page(path), /class="updated"/);

      clock.advance(10 * 60_000);
      const tagged = await api.call("PATCH", "/api/articles/edited", {
        role: "editor",
        ifMatch: etag,
        body: { tags: ["harbour"] },
      });
      assert.equal(tagged.status, 200, await tagged.clone().text());
      etag = tagged.headers.get("etag") ?? "";
      assert.equal(((await tagged.json()) as { article: { updated: string | null } }).article.updated, null);
      assert.doesNotMatch(await page(path), /class="updated"/, "a tag edit is not an update");

      clock.advance(10 * 60_000);
      const edited = await api.call("PATCH", "/api/articles/edited", {
        role: "editor",
        ifMatch: etag,
        body: { blocks: [{ type: "paragraph", text: "Repairs to the harbour wall begin on Tuesday, a day late." }] },
      });
      assert.equal(edited.status, 200, await edited.clone().text());
      assert.equal(
        ((await edited.json()) as { article: { updated: string } }).article.updated,
        "2026-07-01T11:20:00.000Z",
      );
      assert.match(await page(path), /<span class="updated">Updated <time datetime="2026-07-01T12:20:00\+01:00"/);
    });

    test("an undated import is dated at import, marked, and appears in RSS, Atom and JSON Feed", async (t) => {
      const tmp = tempSqlitePath();
      t.after(() => tmp.cleanup());
      const file = join(tmp.dir, "undated.txt");
      writeFileSync(
        file,
        "Ferry fares to rise in spring\n\nFares on the island ferry will rise by 4% from April, the operator said.\n\nThe company blamed fuel costs.\n",
      );
      const result = await importInputs(store, [file], { now: new Date("2026-07-01T11:30:00Z"), enrich: false });
      assert.equal(result.imported, 1, JSON.stringify(result.failed));
      assert.match(
        result.notes[0]?.reason ?? "",
        /no date in the source; first published set to the import time 2026-07-01T11:30:00.000Z/,
      );
      const stored = await getArticle(store, result.ids[0]);
      assert.equal(stored?.article.firstPublished, "2026-07-01T11:30:00.000Z");
      assert.equal(stored?.article.dateSource, "import");
      const rss = await page("/feeds/rss.xml");
      assert.match(rss, /<title>Ferry fares to rise in spring<\/title>/);
      assert.doesNotMatch(rss, /1970/);
      assert.match(await page("/feeds/atom.xml"), /<title[^>]*>Ferry fares to rise in spring<\/title>/);
      const json = JSON.parse(await page("/feeds/feed.json")) as { items: { title: string }[] };
      assert.ok(json.items.some((i) => i.title === "Ferry fares to rise in spring"));
      // The section's feed too: "Follow this section" never leads to an empty feed.
      const section = sectionSlug(stored?.article.section ?? "");
      assert.match(await page(`/feeds/${section}/rss.xml`), /Ferry fares to rise in spring/);
    });
  });
}

test("`import --date` dates undated stories explicitly and says so; a bad --date is refused", (t) => {
  const tmp = tempSqlitePath();
  t.after(() => tmp.cleanup());
  const file = join(tmp.dir, "story.txt");
  writeFileSync(
    file,
    "Council votes on budget\n\nThe council approved its budget on Tuesday night after a long debate.\n",
  );
  const bad = spawnSync(process.execPath, [bin, "import", "--db", tmp.path, "--date", "last tuesday", file], {
    encoding: "utf8",
    cwd: tmp.dir,
  });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--date must be an ISO 8601 date/);
  const run = spawnSync(process.execPath, [bin, "import", "--db", tmp.path, "--date", "2005-03-14", file], {
    encoding: "utf8",
    cwd: tmp.dir,
  });
  assert.equal(run.status, 0, run.stderr);
  assert.match(
    run.stderr,
    /note: .*story\.txt: the story has no date in the source; first published set to the given date 2005-03-14T00:00:00.000Z/,
  );
  return (async () => {
    const store = await openStore(tmp.path);
    try {
      const list = await store.articles.list({ limit: 5 });
      assert.equal(list[0].firstPublished, "2005-03-14T00:00:00.000Z");
      assert.equal((await getArticle(store, list[0].id))?.article.dateSource, "given");
    } finally {
      await store.close();
    }
  })();
});
