import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { withoutTypedNumbers } from "../../src/blocks/list/render.tsx";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { articlePath } from "../../src/web/urls.ts";
import { ENGINES } from "../support/stores.ts";
import { launchChromium } from "./browser.ts";
import { startTestSite, type TestSite } from "./support.ts";

const CHART = join(import.meta.dirname, "..", "..", "src", "web", "static", "images", "river-levels-chart.svg");

/** Mean brightness (0-255) of an element as the browser paints it. */
async function brightness(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  const { channels } = await sharp(png).stats();
  return (channels[0].mean + channels[1].mean + channels[2].mean) / 3;
}

async function pathOf(site: TestSite, id: string): Promise<string> {
  const stored = await getArticle(site.store, id);
  assert.ok(stored);
  return articlePath({
    sectionSlug: stored.article.section.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    slug: stored.article.slug,
  });
}

describe("the smaller defects of issue 14", () => {
  test("an ordered list whose items carry their own numbers is not numbered twice", () => {
    assert.deepEqual(withoutTypedNumbers(["1. Tollerby", "2. Harlow", "3) Ashby"]), ["Tollerby", "Harlow", "Ashby"]);
    // Numbers that are part of the text stay.
    assert.deepEqual(withoutTypedNumbers(["1. Tollerby", "5. Harlow"]), ["1. Tollerby", "5. Harlow"]);
    assert.deepEqual(withoutTypedNumbers(["2026 was a good year", "2027 was not"]), [
      "2026 was a good year",
      "2027 was not",
    ]);
  });

  test("the sample chart's label is clear of its line", () => {
    const svg = readFileSync(CHART, "utf8");
    const label = /<text x="(\d+)" y="(\d+)">Flood warning<\/text>/.exec(svg);
    assert.ok(label, "the chart has its label");
    // The label's box at 20 px sans-serif: at most 0.62 em a character, ascent 0.8 em, descent 0.25 em.
    const [x, y] = [Number(label[1]), Number(label[2])];
    const box = { x0: x - 4, x1: x + "Flood warning".length * 20 * 0.62 + 4, y0: y - 16 - 4, y1: y + 5 + 4 };
    const d = /class="line" d="M([^"]+)"/.exec(svg)?.[1];
    assert.ok(d, "the chart has its line");
    // "M80 330l70-20 70 10 …": a start, then relative steps.
    const numbers = (d.match(/-?\d+/g) ?? []).map(Number);
    let [px, py] = numbers;
    for (let i = 2; i + 1 < numbers.length; i += 2) {
      const [nx, ny] = [px + numbers[i], py + numbers[i + 1]];
      // The line is 6 px wide: sample the segment and keep 3 px clear of the box.
      for (let t = 0; t <= 1; t += 0.01) {
        const [sx, sy] = [px + (nx - px) * t, py + (ny - py) * t];
        const inside = sx > box.x0 - 3 && sx < box.x1 + 3 && sy > box.y0 - 3 && sy < box.y1 + 3;
        assert.ok(!inside, `the line crosses the label at ${sx.toFixed(0)},${sy.toFixed(0)}`);
      }
      [px, py] = [nx, ny];
    }
    assert.match(svg, /@media \(prefers-color-scheme:\s*dark\)/);
  });
});

for (const engine of ENGINES) {
  describe(`defects over HTTP on ${engine}`, () => {
    let site: TestSite;
    before(async () => {
      site = await startTestSite(engine);
    });
    after(async () => {
      await site.close();
    });

    test("list items are numbered once: the sample table and an imported list with typed numbers", async () => {
      const html = await (await site.get(await pathOf(site, "spo-tollerby-promotion"))).text();
      assert.match(html, /<ol class="list"><li>Tollerby Town, 84 points<\/li>/);
      const stored = await getArticle(site.store, "spo-tollerby-promotion");
      assert.ok(stored);
      await saveArticle(site.store, {
        ...stored.article,
        blocks: [...stored.article.blocks, { type: "list", ordered: true, items: ["1. First leg", "2. Second leg"] }],
      });
      const again = await (await site.get(await pathOf(site, "spo-tollerby-promotion"))).text();
      assert.match(again, /<ol class="list"><li>First leg<\/li><li>Second leg<\/li><\/ol>/);
    });

    test("search snippets keep the break between blocks", async () => {
      const html = await (await site.get("/search?q=chamber")).text();
      assert.doesNotMatch(html, /chamber<\/mark> Plans for 640/);
      assert.match(html, /chamber<\/mark> · Plans for 640 homes/);
    });

    test("the section navigation keeps its order when a story is published", async () => {
      const nav = async () =>
        [
          ...(
            /<nav class="sections"[^>]*>(.*?)<\/nav>/s.exec(await (await site.get("/search")).text())?.[1] ?? ""
          ).matchAll(/>([^<]+)<\/a>/g),
        ].map((m) => m[1]);
      const before = await nav();
      assert.deepEqual(before, [
        "Home",
        "Politics",
        "Business",
        "Science &amp; Environment",
        "Health",
        "Culture",
        "Sport",
      ]);
      await saveArticle(site.store, {
        id: "late-sport",
        slug: "late-sport-story",
        section: "Sport",
        headline: "A late sport story",
        firstPublished: new Date().toISOString(),
        blocks: [{ type: "paragraph", text: "Text." }],
      });
      assert.deepEqual(await nav(), before);
    });
  });
}

describe("defects in a real browser", () => {
  let site: TestSite;
  let browser: Browser;
  before(async () => {
    site = await startTestSite("sqlite");
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await site.close();
  });

  test("the section navigation is one line at 360 px", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    try {
      await page.goto(site.url);
      const nav = await page.locator("nav.sections").boundingBox();
      assert.ok(nav && nav.height <= 48, `navigation is ${nav?.height} px tall`);
      // Every section is still reachable: the list scrolls sideways.
      assert.equal(await page.locator("nav.sections a").count(), 7);
      assert.ok(
        await page.evaluate(() => document.documentElement.scrollWidth <= 360),
        "the page itself does not scroll sideways",
      );
    } finally {
      await page.close();
    }
  });

  test("the embed box and the sample chart are dark in the dark scheme", async () => {
    const path = await pathOf(site, "sci-river-wendle-floods");
    const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState("load");
      const embed = await brightness(page, ".embed iframe");
      assert.ok(embed < 80, `the embed box is bright in dark mode (${embed.toFixed(0)})`);
      const chart = await brightness(page, 'img[src*="river-levels-chart"]');
      assert.ok(chart < 80, `the chart is bright in dark mode (${chart.toFixed(0)})`);
    } finally {
      await context.close();
    }
  });
});
