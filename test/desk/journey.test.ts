import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { launchChromium } from "../web/browser.ts";
import { axeViolations, type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/**
 * The desk as people use it, driven only by accessible names: a writer writes and illustrates a
 * story, an editor publishes it, a reader sees it; the writer cannot publish; history and
 * corrections work. Every desk page is checked with axe-core.
 */
let site: DeskSite;
let browser: Browser;
let imagePath: string;
const HEADLINE = "Quillhaven harbour wall to be rebuilt after storms";

before(async () => {
  site = await startDeskSite("sqlite");
  browser = await launchChromium();
  imagePath = join(site.mediaDir, "..", "harbour.jpg");
  const pixels = await sharp({ create: { width: 2000, height: 1200, channels: 3, background: "#3a6b8c" } })
    .composite([
      {
        input: Buffer.from('<svg width="2000" height="1200"><circle cx="900" cy="600" r="400" fill="#e0c060"/></svg>'),
      },
    ])
    .jpeg()
    .toBuffer();
  writeFileSync(imagePath, pixels);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function expectNoAxeViolations(page: Page, what: string) {
  assert.deepEqual(await axeViolations(page), [], `axe violations on ${what}`);
}

async function saved(page: Page, pattern: RegExp) {
  await page.getByRole("status").filter({ hasText: pattern }).waitFor();
}

let storyId = "";

test("a writer writes and illustrates a story but cannot publish it", async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(`${site.url}/desk/login`);
  await expectNoAxeViolations(page, "/desk/login");
  await signIn(page, site, "writer");
  await expectNoAxeViolations(page, "/desk");
  await page.getByRole("link", { name: "New story" }).click();
  await page.locator("body[data-editor-ready]").waitFor();
  await expectNoAxeViolations(page, "/desk/stories/new");

  await page.getByLabel("Headline").fill(HEADLINE);
  await page.getByLabel("Summary").fill("The council has agreed to rebuild the storm-damaged wall by spring.");
  await page.getByLabel("Section").fill("Politics");
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("Quillhaven Council voted on Tuesday to rebuild the harbour wall.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Work will start in March and take six months.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("What happens next");
  await page.getByRole("button", { name: "Crosshead" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("We will build it stronger than before.");
  await page.getByLabel("Quote speaker").fill("Mary Jones");
  await page.getByRole("button", { name: "Quote", exact: true }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");

  await page.getByLabel("Image file").setInputFiles(imagePath);
  await page.getByLabel("Alt text", { exact: true }).fill("The harbour wall with a breach in its middle");
  await page.getByLabel("Caption", { exact: true }).fill("The wall after the January storms");
  await page.getByLabel("Credit", { exact: true }).fill("Photo: Jo Lens");
  await page.getByRole("button", { name: "Upload image" }).click();
  await page.getByText("Image uploaded: harbour.jpg").waitFor();

  await page.getByRole("button", { name: "Save" }).click();
  await saved(page, /Saved: revision 1/);
  storyId = page.url().split("/").pop()!;
  await expectNoAxeViolations(page, "/desk/stories/:id");

  // No Publish button for a writer, and the API refuses when forced.
  assert.equal(await page.getByRole("button", { name: "Publish", exact: true }).count(), 0);
  const forced = await page.evaluate(async (id) => {
    const data = JSON.parse(document.getElementById("desk-data")!.textContent!);
    const r = await fetch(`/api/articles/${id}/publish`, {
      method: "POST",
      headers: { "X-CSRF-Token": data.csrf, "If-Match": '"1"' },
    });
    return r.status;
  }, storyId);
  assert.equal(forced, 403);

  // A second revision: the summary changes.
  await page.getByLabel("Summary").fill("The council agreed on Tuesday to rebuild the wall by the autumn.");
  await page.getByRole("button", { name: "Save" }).click();
  await saved(page, /Saved: revision 2/);

  const stored = await (
    await fetch(`${site.url}/api/articles/${storyId}`, { headers: { authorization: `Bearer ${site.editorToken}` } })
  ).json();
  const types = stored.article.blocks.map((b: { type: string }) => b.type);
  assert.deepEqual(types, ["paragraph", "paragraph", "crosshead", "quote", "image"]);
  assert.equal(stored.article.blocks[3].speaker, "Mary Jones");
  assert.equal(stored.article.blocks[4].alt, "The harbour wall with a breach in its middle");
  assert.equal(stored.article.blocks[4].credit, "Photo: Jo Lens");
  assert.equal(stored.article.status, "draft");
  await context.close();
});

test("an editor opens the story and publishes it; a reader sees it with the image in srcset sizes", async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, site, "editor");
  await page.getByLabel("Search").fill("harbour wall");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: HEADLINE }).click();
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await saved(page, /Published: revision 3/);
  await context.close();

  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`${site.url}/`);
  await readerPage.getByRole("link", { name: HEADLINE }).first().click();
  await readerPage.getByRole("heading", { name: HEADLINE, level: 1 }).waitFor();
  const img = readerPage.getByRole("img", { name: "The harbour wall with a breach in its middle" });
  const srcset = (await img.getAttribute("srcset")) ?? "";
  for (const w of [320, 640, 1024, 1600]) assert.match(srcset, new RegExp(`\\.jpg ${w}w`));
  assert.ok(await img.getAttribute("sizes"));
  assert.equal(await readerPage.locator('picture source[type="image/avif"]').count(), 1);
  // The browser loaded a rendition it chose from the set.
  assert.ok(await img.evaluate((el) => (el as HTMLImageElement).currentSrc.includes("/media/")));
  const og = await readerPage.locator('meta[property="og:image"]').getAttribute("content");
  assert.match(og ?? "", /\/media\/[a-f0-9]{20}-og\.jpg$/);
  const ogImage = await fetch(og!);
  assert.equal(ogImage.headers.get("content-type"), "image/jpeg");
  assert.equal((await sharp(Buffer.from(await ogImage.arrayBuffer())).metadata()).width, 1200);
  assert.match(ogImage.headers.get("cache-control") ?? "", /immutable/);
  // No desk code reaches a reader.
  const html = await readerPage.content();
  assert.doesNotMatch(html, /\/desk\/assets\//);
  await reader.close();
});

test("the history shows both revisions with a field-by-field diff; a correction appears on the page", async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, site, "editor");
  await page.goto(`${site.url}/desk/stories/${storyId}/history`);
  await expectNoAxeViolations(page, "history");
  await page.getByRole("heading", { name: "Revision 1" }).waitFor();
  await page.getByRole("heading", { name: "Revision 2" }).waitFor();
  const changes = page.getByRole("list", { name: "Changes in revision 2" });
  assert.match((await changes.textContent()) ?? "", /summary\s+changed from .*by spring.* to .*by the autumn/);

  await page.goto(`${site.url}/desk/stories/${storyId}`);
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByLabel("Correction").fill("An earlier version gave the wrong month for the work to finish.");
  await page.getByRole("button", { name: "Add correction" }).click();
  await saved(page, /Correction added/);
  await context.close();

  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`${site.url}/`);
  await readerPage.getByRole("link", { name: HEADLINE }).first().click();
  await readerPage.getByText("An earlier version gave the wrong month for the work to finish.").waitFor();
  await reader.close();
});
