import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { MEDIA_FALLBACK_TEXT } from "../../src/blocks/media/schema.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { articlePath } from "../../src/web/urls.ts";
import { launchChromium } from "./browser.ts";
import { assertNoAxeViolations, openPage, readerJourney } from "./journey.ts";
import { REFERENCE_ARTICLE, startTestSite, type TestSite } from "./support.ts";

// Screenshots are kept for people to look at; tests assert on layout, not pixels.
const shotsDir = process.env.NEWSDESK_SCREENSHOTS ?? join("test-results", "screenshots");

const UNPLAYABLE = "/news/science-environment/estuary-footage-test";

describe("the website in a real browser", () => {
  let site: TestSite;
  let browser: Browser;
  let referencePath = "";

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    site = await startTestSite("sqlite");
    if (existsSync(REFERENCE_ARTICLE)) {
      const result = await importInputs(site.store, [REFERENCE_ARTICLE]);
      assert.equal(result.imported, 1, JSON.stringify(result.failed));
      const stored = await getArticle(site.store, result.ids[0]);
      assert.ok(stored);
      referencePath = articlePath({ sectionSlug: sectionSlug(stored.article.section), slug: stored.article.slug });
    }
    // A video whose only source this browser cannot decode.
    await saveArticle(site.store, {
      id: "unplayable-video",
      slug: "estuary-footage-test",
      section: "Science & Environment",
      headline: "Estuary footage in a format no browser plays",
      firstPublished: "2026-01-01T10:00:00Z",
      blocks: [
        {
          type: "media",
          kind: "video",
          caption: "Footage of the estuary at low tide",
          sources: [{ src: "/static/estuary.xyz", mimeType: "video/x-newsdesk-unplayable" }],
        },
        { type: "paragraph", text: "The footage was filmed at dawn." },
      ],
    });
    // A corrected story with a quote whose speaker has a page: the notice and the linked cite.
    await saveArticle(site.store, {
      id: "corrected-story",
      slug: "ferry-timetable-corrected",
      section: "Politics",
      headline: "Ferry timetable changes from Monday",
      firstPublished: "2026-01-02T10:00:00Z",
      updated: "2026-01-03T09:30:00Z",
      people: [{ name: "Maren Ashby", aliases: [] }],
      corrections: [{ text: "The timetable starts on Monday, not Sunday.", at: "2026-01-03T09:30:00Z" }],
      blocks: [
        { type: "paragraph", text: "The ferry company will run fewer sailings." },
        { type: "quote", text: "We have listened to passengers.", speaker: "Maren Ashby" },
      ],
    });
    await saveArticle(site.store, {
      id: "withdrawn-story",
      slug: "a-withdrawn-story",
      section: "Politics",
      headline: "A story the newsroom withdrew",
      status: "unpublished",
      blocks: [{ type: "paragraph", text: "Withdrawn." }],
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    test(`a reader goes home → section → article → related story → tag page, with no console errors (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      await readerJourney(browser, site.url, javaScriptEnabled);
    });
  }

  test("the imported reference article shows every block, with the media fallback where video cannot play", async (t) => {
    if (!referencePath) return t.skip(`reference article not found at ${REFERENCE_ARTICLE}`);
    const stored = await getArticle(site.store, referencePath.split("/").pop() ?? "");
    assert.ok(stored);
    const blocks = stored.article.blocks;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openPage(context);
    await page.goto(`${site.url}${referencePath}`);
    assert.equal(await page.locator("h1").textContent(), "Cameron rejects Russia security call over Litvinenko");
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    const body = page.locator(".article-body");
    assert.equal(
      await body.locator(":scope > p").count(),
      blocks.filter((b) => b.type === "paragraph").length,
      "every paragraph",
    );
    const crossheads = blocks.filter((b) => b.type === "crosshead").map((b) => b.text);
    assert.deepEqual(await body.locator("h2.crosshead").allInnerTexts(), crossheads);
    const media = blocks.filter((b) => b.type === "media");
    const figures = body.locator("figure.media");
    assert.equal(await figures.count(), media.length);
    for (let i = 0; i < media.length; i++) {
      const figure = figures.nth(i);
      assert.equal(await figure.locator(".media-unsupported").isVisible(), true);
      assert.equal((await figure.locator(".media-unsupported").textContent()) ?? "", MEDIA_FALLBACK_TEXT);
      assert.match((await figure.locator("figcaption").textContent()) ?? "", new RegExp(escapeRe(media[i].caption)));
    }
    assert.equal(await page.getByRole("heading", { name: "More on this story" }).count(), 1);
    const external = page.getByRole("region", { name: "Related Internet links" });
    assert.match((await external.textContent()) ?? "", /not responsible for the content of external sites/);
    await page.screenshot({ path: join(shotsDir, "reference-1280.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();

    // Without JavaScript the fallback is there too: it is in the HTML, not added by script.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${site.url}${referencePath}`);
    assert.equal(await plain.getByText(MEDIA_FALLBACK_TEXT).first().isVisible(), true);
    await noScript.close();
  });

  test("a video with no source the device can play shows the fallback text and caption instead of a dead player", async () => {
    const context = await browser.newContext();
    const { page, errors } = await openPage(context);
    await page.goto(`${site.url}${UNPLAYABLE}`);
    const figure = page.locator("figure.media");
    assert.equal(await figure.locator(".media-unsupported").isVisible(), true);
    assert.equal((await figure.locator(".media-unsupported").textContent()) ?? "", MEDIA_FALLBACK_TEXT);
    assert.equal(await figure.locator("video").count(), 0, "the unplayable player is removed");
    assert.match((await figure.locator("figcaption").textContent()) ?? "", /Footage of the estuary at low tide/);
    // A source the browser can decode keeps its native player, and no fallback shows.
    await page.goto(`${site.url}/news/science-environment/record-number-of-seal-pups-counted-in-quillhaven-estuary`);
    assert.equal(await page.locator("figure.media audio").isVisible(), true);
    assert.equal(await page.locator("figure.media .media-unsupported").isVisible(), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  const pageTypes = () => [
    ["home", "/"],
    ["section", "/news/politics"],
    ["article", "/news/politics/quillhaven-council-approves-harbour-front-housing-plan-after-seven-hour-meeting"],
    ["article-media", "/news/science-environment/river-wendle-flood-warnings-as-levels-reach-20-year-high"],
    ...(referencePath ? [["reference", referencePath]] : []),
    ["corrected", "/news/politics/ferry-timetable-corrected"],
    ["tag", "/people/maren-ashby"],
    ["search", "/search?q=harbour"],
    ["search-filtered", "/search?q=harbour&section=politics&from=2020-01-01"],
    ["not-found", "/no/such/page"],
    ["gone", "/news/politics/a-withdrawn-story"],
  ];

  for (const scheme of ["light", "dark"] as const) {
    test(`axe-core finds no violations on any page type in the ${scheme} scheme`, async () => {
      await assertNoAxeViolations(browser, site.url, pageTypes(), scheme);
    });
  }

  for (const width of [320, 360, 1280]) {
    test(`no page scrolls sideways at ${width} px; screenshots kept`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, errors } = await openPage(context);
      for (const [name, path] of pageTypes()) {
        await page.goto(`${site.url}${path}`);
        const { scrollWidth, viewport } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
        }));
        assert.ok(scrollWidth <= viewport, `${name} at ${width}px: scrollWidth ${scrollWidth} > ${viewport}`);
        if (width !== 320) await page.screenshot({ path: join(shotsDir, `${name}-${width}.png`), fullPage: true });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test("keyboard: the first Tab shows a skip link that moves focus to the content, with a visible focus ring", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/news/politics`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
    const box = await skip.boundingBox();
    assert.ok(box && box.y >= 0, "the focused skip link is on screen");
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.notEqual(outline, "none");
    await page.keyboard.press("Enter");
    assert.match(page.url(), /#content$/);
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest("main") !== null);
    assert.equal(focused, true, "the next Tab lands inside the main content");
    await context.close();
  });

  test("the dark scheme really changes the colours", async () => {
    const colours: string[] = [];
    for (const scheme of ["light", "dark"] as const) {
      const context = await browser.newContext({ colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(site.url);
      colours.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      await context.close();
    }
    assert.notEqual(colours[0], colours[1]);
  });
});

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
