import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { parseSiteConfig } from "../../src/config/site-config.ts";
import { saveArticle } from "../../src/store/articles.ts";
import type { Store } from "../../src/store/store.ts";
import { MESSAGES } from "../../src/web/i18n/messages.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { tempStore } from "../support/stores.ts";
import { launchChromium } from "./browser.ts";
import { assertNoAxeViolations } from "./journey.ts";

// Our own short texts, written for this test.
const ARABIC_STORIES = [
  {
    id: "ar-1",
    slug: "port-expansion",
    section: "محليات",
    headline: "المجلس البلدي يوافق على توسعة الميناء",
    summary: "صوّت المجلس بالأغلبية على خطة توسعة الرصيف الشمالي.",
    byline: [{ name: "ليلى حداد" }],
    people: [{ name: "سامي نصار", aliases: [] }],
    quotes: [{ text: "هذه الخطة ستوفر مئات الوظائف لأهل المدينة", speaker: "سامي نصار", type: "direct" as const }],
    blocks: [
      { type: "paragraph" as const, text: "وافق المجلس البلدي مساء الثلاثاء على خطة توسعة الرصيف الشمالي للميناء." },
      { type: "paragraph" as const, text: "وقال رئيس المجلس سامي نصار إن الأعمال ستبدأ في الربيع المقبل." },
    ],
  },
  {
    id: "ar-2",
    slug: "school-year",
    section: "محليات",
    headline: "بدء العام الدراسي في مدارس المدينة",
    summary: "عاد أكثر من عشرة آلاف طالب إلى مدارسهم صباح اليوم.",
    blocks: [{ type: "paragraph" as const, text: "عاد الطلاب إلى المدارس وسط أجواء معتدلة." }],
  },
  {
    id: "ar-3",
    slug: "football-final",
    section: "رياضة",
    headline: "فريق المدينة يبلغ نهائي الكأس",
    summary: "فاز الفريق بهدفين نظيفين في نصف النهائي.",
    blocks: [{ type: "paragraph" as const, text: "سجّل الفريق هدفين في الشوط الثاني." }],
  },
];

describe("the interface in Arabic (right to left) and French", () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let french: RunningServer;
  let browser: Browser;

  before(async () => {
    const t = await tempStore("sqlite");
    store = t.store;
    cleanup = t.cleanup;
    for (const [i, s] of ARABIC_STORIES.entries()) {
      await saveArticle(store, {
        ...s,
        language: "ar",
        direction: "rtl",
        firstPublished: new Date(Date.UTC(2026, 2, 10 + i, 9)).toISOString(),
      });
    }
    server = await startServer({
      store,
      port: 0,
      config: parseSiteConfig({
        name: "صحيفة الميناء",
        description: "أخبار المدينة والساحل",
        language: "ar",
        timeZone: "Asia/Beirut",
        sections: [
          { name: "محليات", slug: "local" },
          { name: "رياضة", slug: "sport" },
        ],
      }),
    });
    french = await startServer({
      store,
      port: 0,
      config: parseSiteConfig({ name: "Le Port", language: "fr", timeZone: "Europe/Paris" }),
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server.close();
    await french.close();
    await cleanup();
  });

  test("every language has every interface string", () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const [lang, messages] of Object.entries(MESSAGES)) assert.deepEqual(Object.keys(messages).sort(), keys, lang);
    assert.equal(MESSAGES.ar.dir, "rtl");
  });

  test("Arabic pages are lang=ar dir=rtl with the interface in Arabic", async () => {
    const home = await (await fetch(server.url)).text();
    assert.match(home, /<html lang="ar" dir="rtl">/);
    assert.match(home, /<a class="skip-link" href="#content">انتقل إلى المحتوى<\/a>/);
    assert.match(home, /<nav class="sections" aria-label="الأقسام">/);
    const article = await (await fetch(`${server.url}/news/local/port-expansion`)).text();
    assert.match(article, /<html lang="ar" dir="rtl">/);
    // Slugs keep Arabic words, so an Arabic byline has its own author page.
    assert.match(article, /<p class="byline">بقلم <a class="byline-name" href="\/authors\/ليلى-حداد">ليلى حداد<\/a>/);
    // The time in the site's zone (Beirut, UTC+2 in March) and the Arabic date.
    assert.match(article, /نُشر <time datetime="2026-03-10T11:00:00\+02:00"/);
  });

  test("the Arabic interface lays out right to left in a real browser", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(server.url);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), "rtl");
      // The brand sits at the right edge of the masthead, the search form to its left.
      const brand = await page.locator(".brand").boundingBox();
      const search = await page.locator(".search-form").boundingBox();
      assert.ok(brand && search && brand.x > search.x, "brand right of search");
    } finally {
      await page.close();
    }
  });

  test("axe-core finds no violations on the Arabic interface in light and dark", async () => {
    const pages = [
      ["home", "/"],
      ["section", "/news/local"],
      ["article", "/news/local/port-expansion"],
      ["search", "/search?q=%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1"],
      ["not found", "/no/such/page"],
    ];
    await assertNoAxeViolations(browser, server.url, pages, "light");
    await assertNoAxeViolations(browser, server.url, pages, "dark");
  });

  test("the French interface", async () => {
    const home = await (await fetch(french.url)).text();
    assert.match(home, /<html lang="fr" dir="ltr">/);
    assert.match(home, /Aller au contenu/);
    assert.match(home, /<button type="submit">Rechercher<\/button>/);
    const missing = await fetch(`${french.url}/pas/ici`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Page introuvable/);
  });
});
