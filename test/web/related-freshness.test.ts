import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { clearRelatedOverride, excludeRelated, pinRelated } from "../../src/enrich/related/related.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { ENGINES } from "../support/stores.ts";
import { startTestSite, type TestSite } from "./support.ts";

// Stories in different sections (so alike that the related-story model links them across
// sections, which it learned to do less readily) with no entity tags, so no section, tag or front key ties their
// pages together: only related stories do.
const BODIES: Record<string, string[]> = {
  "lighthouse-1": [
    "Restoration of the Wrenhithe lighthouse will begin this spring, the lighthouse trust said.",
    "Surveyors found the granite tower sound but the lantern room leaking.",
    "Volunteers of the Wrenhithe lighthouse trust will guide visitors round the granite tower and lantern room after the restoration.",
  ],
  "lighthouse-2": [
    "The Wrenhithe lighthouse trust has won a grant for the restoration of the granite tower.",
    "Trustees said the money would also cover the leaking lantern room.",
    "Volunteers of the Wrenhithe lighthouse trust will guide visitors round the granite tower and lantern room after the restoration.",
  ],
  "lighthouse-3": [
    "Engineers have lifted the lens out of the leaking lantern room of the Wrenhithe lighthouse.",
    "The lighthouse trust expects the restoration of the granite tower to finish next year.",
    "Volunteers of the Wrenhithe lighthouse trust will guide visitors round the granite tower and lantern room after the restoration.",
  ],
};

const story = (id: string, section: string, headline: string, day: number) => ({
  id,
  slug: id,
  section,
  headline,
  firstPublished: `2026-05-0${day}T08:00:00.000Z`,
  blocks: BODIES[id].map((text) => ({ type: "paragraph" as const, text })),
});

// Other news, so the lighthouse words are distinctive in this archive.
const OTHER_NEWS = [
  ["Tollerby cricket club win the county league", "Tollerby beat Dunmarsh by six wickets in the final over."],
  ["Brackenford bakery doubles its bread output", "The bakery has hired twelve bakers and bought two new ovens."],
  ["Dunmarsh school choir sings at the cathedral", "Forty pupils performed carols and hymns under the cathedral dome."],
  ["Quillhaven bus fares rise in June", "Passengers will pay twenty pence more for single tickets from June."],
  ["Floods close the Wendle valley road", "Police closed the valley road after heavy rain near the bridge."],
  [
    "Council votes to fix potholes on the high street",
    "Councillors agreed to resurface after complaints from cyclists.",
  ],
].map(([headline, text], i) => ({
  id: i === 0 ? "cricket" : `other-${i}`,
  slug: i === 0 ? "cricket" : `other-${i}`,
  section: "Sport",
  headline,
  firstPublished: "2026-05-01T09:00:00.000Z",
  blocks: [{ type: "paragraph" as const, text }],
}));

function moreOnThisStory(html: string): string {
  return /<section class="story-links related-stories"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? "";
}

for (const engine of ENGINES) {
  describe(`related stories on cached pages stay current on ${engine}`, () => {
    let site: TestSite;
    const path = "/news/local/lighthouse-1";
    const page = async () => moreOnThisStory(await (await site.get(path)).text());
    const cached = () => site.server.site.cache.get(path);

    before(async () => {
      site = await startTestSite(engine, { sample: false });
      await saveArticle(site.store, story("lighthouse-1", "Local", "Wrenhithe lighthouse restoration to begin", 1));
      for (const a of OTHER_NEWS) await saveArticle(site.store, a);
      await afterArticlesStored(site.store, ["lighthouse-1", ...OTHER_NEWS.map((a) => a.id)]);
    });
    after(async () => {
      await site.close();
    });

    test("a related story stored later appears on the cached page, even when its links land after its commit", async () => {
      assert.equal(await page(), "", "nothing related yet");
      assert.ok(cached());
      // The article commits first; a request in between renders the page before the links exist.
      await saveArticle(
        site.store,
        story("lighthouse-2", "Business", "Wrenhithe lighthouse restoration wins grant", 2),
      );
      assert.equal(await page(), "");
      assert.ok(cached());
      await afterArticlesStored(site.store, ["lighthouse-2"]);
      assert.match(await page(), /Wrenhithe lighthouse restoration wins grant/);

      // Stored and linked before any request sees it.
      assert.ok(cached());
      await saveArticle(
        site.store,
        story("lighthouse-3", "Science", "Wrenhithe lighthouse restoration: lens lifted out", 3),
      );
      await afterArticlesStored(site.store, ["lighthouse-3"]);
      assert.match(await page(), /Wrenhithe lighthouse restoration: lens lifted out/);
    });

    test("an editor's pin, exclusion and clearing show on the next request", async () => {
      assert.doesNotMatch(await page(), /cricket/);
      assert.ok(cached());
      await pinRelated(site.store, "lighthouse-1", "cricket");
      assert.match(await page(), /Tollerby cricket club win the county league/);

      assert.match(await page(), /Wrenhithe lighthouse restoration wins grant/);
      assert.ok(cached());
      await excludeRelated(site.store, "lighthouse-1", "lighthouse-2");
      assert.doesNotMatch(await page(), /Wrenhithe lighthouse restoration wins grant/);

      assert.ok(cached());
      await clearRelatedOverride(site.store, "lighthouse-1", "cricket");
      const list = await page();
      assert.doesNotMatch(list, /cricket/);
      assert.match(list, /Wrenhithe lighthouse restoration: lens lifted out/);
    });
  });
}
