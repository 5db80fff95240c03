import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../src/auth/tokens.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { createApp } from "../../src/web/app.ts";
import { manualClock } from "../editorial/support.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

const PATH = "/news/politics/ferry-timetable-changes-from-monday";
const FIXED = "The new timetable starts on Monday 6 April, not Sunday 5 April as we first said.";

for (const engine of ENGINES) {
  describe(`corrections on the page and in the feeds on ${engine}`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>["app"];
    let site: ReturnType<typeof createApp>["site"];
    let token: string;
    const clock = manualClock("2026-04-02T09:30:00Z");

    before(async () => {
      t = await tempStore(engine);
      token = (await createToken(t.store, "editor", "corrections")).token;
      ({ app, site } = createApp({
        store: t.store,
        baseUrl: "http://news.test",
        writeApi: createEditorialApi({ store: t.store, clock, schedulerIntervalMs: 0, rateLimits: false }),
      }));
      await saveArticle(t.store, {
        id: "ferry-timetable",
        slug: "ferry-timetable-changes-from-monday",
        section: "Politics",
        headline: "Ferry timetable changes from Monday",
        summary: "Fewer sailings on the Quillhaven crossing.",
        firstPublished: "2026-04-01T07:00:00.000Z",
        updated: "2026-04-01T07:00:00.000Z",
        blocks: [{ type: "paragraph", text: "The ferry company will run fewer sailings." }],
      });
    });
    after(async () => {
      await t.cleanup();
    });

    test("a correction appended through the editorial API replaces the cached page and feeds at once", async () => {
      const before = await (await app.request(PATH)).text();
      assert.doesNotMatch(before, /class="corrections"/);
      const feedsBefore = await Promise.all(
        ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json"].map((p) => app.request(p)),
      );
      for (const res of feedsBefore) assert.doesNotMatch(await res.text(), /Correction/);
      assert.ok(site.cache.get(PATH), "the page is in the render cache before the correction");
      assert.ok(site.cache.get("/feeds/atom.xml"), "so is the feed");

      const res = await app.request("/api/articles/ferry-timetable/corrections", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": '"1"' },
        body: JSON.stringify({ text: FIXED }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      const at = "2026-04-02T09:30:00.000Z";

      const html = await (await app.request(PATH)).text();
      const notice = /<section class="corrections" aria-labelledby="corrections-title">(.*?)<\/section>/s.exec(
        html,
      )?.[1];
      assert.ok(notice, "the page shows a corrections section");
      assert.match(notice, /<h2 id="corrections-title">Correction<\/h2>/);
      // Shown in the site's time zone (BST in April); the feeds keep UTC.
      assert.match(
        notice,
        new RegExp(`<time datetime="2026-04-02T10:30:00\\+01:00">2 April 2026, 10:30 BST</time>: ${FIXED}`),
      );
      // Near the top: inside the header, before the body.
      assert.ok(html.indexOf('class="corrections"') < html.indexOf('class="article-body"'));
      assert.match(html, /Updated <time datetime="2026-04-02T10:30:00\+01:00"/);
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}");
      assert.deepEqual(ld.correction, [{ "@type": "CorrectionComment", text: FIXED, datePublished: at }]);

      const rss = await (await app.request("/feeds/rss.xml")).text();
      assert.match(
        rss,
        new RegExp(
          `<description>Fewer sailings on the Quillhaven crossing.\\s+Correction \\(2 April 2026, 09:30 UTC\\): ${FIXED}</description>`,
        ),
      );
      assert.match(rss, /<lastBuildDate>Thu, 02 Apr 2026 09:30:00 GMT<\/lastBuildDate>/);
      const atom = await (await app.request("/feeds/atom.xml")).text();
      assert.match(
        atom,
        new RegExp(`<updated>${at}</updated>\\s*<summary>Fewer sailings on the Quillhaven crossing.\\s+Correction \\(`),
      );
      const json = (await (await app.request("/feeds/feed.json")).json()) as {
        items: { date_modified: string; content_text: string }[];
      };
      assert.equal(json.items[0].date_modified, at);
      assert.match(json.items[0].content_text, new RegExp(`Correction \\(2 April 2026, 09:30 UTC\\): ${FIXED}$`));
    });

    test("a stored correction later than `updated` still moves the feed entry's updated time", async () => {
      await saveArticle(t.store, {
        id: "bridge-closure",
        slug: "bridge-closure",
        section: "Politics",
        headline: "Bridge closure",
        firstPublished: "2026-03-01T07:00:00.000Z",
        updated: "2026-03-01T07:00:00.000Z",
        corrections: [{ text: "The bridge closes at 10pm, not 8pm.", at: "2026-03-03T12:00:00.000Z" }],
        blocks: [{ type: "paragraph", text: "The bridge will close overnight." }],
      });
      const json = (await (await app.request("/feeds/politics/feed.json")).json()) as {
        items: { title: string; date_modified: string; content_text: string }[];
      };
      const item = json.items.find((i) => i.title === "Bridge closure");
      assert.ok(item);
      assert.equal(item.date_modified, "2026-03-03T12:00:00.000Z");
      assert.match(
        item.content_text,
        /^Bridge closure\n\nCorrection \(3 March 2026, 12:00 UTC\): The bridge closes at 10pm/,
      );
      const page = await (await app.request("/news/politics/bridge-closure")).text();
      assert.match(
        page,
        /<time datetime="2026-03-03T12:00:00\+00:00">3 March 2026, 12:00 GMT<\/time>: The bridge closes/,
      );
    });
  });
}
