import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium } from "../web/browser.ts";
import { assertNoAxeViolations, readerJourney } from "../web/journey.ts";
import { startTestSite, type TestSite } from "../web/support.ts";

// The PostgreSQL variant of test/web/site-in-browser.test.ts: the reader's journey and the
// accessibility check over what the store serves (lists, related stories, tags, search), not
// every layout check again — those do not depend on the engine.
describe("the website on PostgreSQL in a real browser", () => {
  let site: TestSite;
  let browser: Browser;
  before(async () => {
    site = await startTestSite("postgres");
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test("a reader goes home → section → article → related story → tag page, with no console errors", async () => {
    await readerJourney(browser, site.url, true);
  });

  test("axe-core finds no violations on the pages the store fills", async () => {
    await assertNoAxeViolations(
      browser,
      site.url,
      [
        ["home", "/"],
        ["section", "/news/politics"],
        ["article", "/news/politics/quillhaven-council-approves-harbour-front-housing-plan-after-seven-hour-meeting"],
        ["tag", "/people/idris-calloway"],
        ["search", "/search?q=harbour"],
        ["not-found", "/no/such/page"],
      ],
      "light",
    );
  });
});
