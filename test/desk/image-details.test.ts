import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import type { ImageBlock } from "../../src/blocks/image/schema.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { axeViolations, type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/**
 * A placed image's alt text, caption and credit can be edited in the desk, and the lead image can
 * be cropped with a focal point: the renditions and the 1200×630 social card follow the crop, and
 * the card keeps the focal point in view.
 */
let site: DeskSite;
let browser: Browser;
let imagePath: string;

/** 2000×1200: the left half red; the right half blue above, green below. */
async function testImage(): Promise<Buffer> {
  const block = (width: number, height: number, r: number, g: number, b: number) =>
    sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
      .png()
      .toBuffer();
  return sharp({ create: { width: 2000, height: 1200, channels: 3, background: { r: 220, g: 0, b: 0 } } })
    .composite([
      { input: await block(1000, 600, 0, 0, 220), left: 1000, top: 0 },
      { input: await block(1000, 600, 0, 200, 0), left: 1000, top: 600 },
    ])
    .jpeg({ quality: 95 })
    .toBuffer();
}

/** Mean red, green and blue of an image served by the site. */
async function colours(path: string): Promise<{ r: number; g: number; b: number; width: number; height: number }> {
  const response = await fetch(`${site.url}${path}`);
  assert.equal(response.status, 200, path);
  const bytes = Buffer.from(await response.arrayBuffer());
  const { channels } = await sharp(bytes).stats();
  const { width = 0, height = 0 } = await sharp(bytes).metadata();
  return { r: channels[0].mean, g: channels[1].mean, b: channels[2].mean, width, height };
}

before(async () => {
  site = await startDeskSite("sqlite", { sample: false });
  browser = await launchChromium();
  imagePath = join(site.mediaDir, "..", "harbour-colours.jpg");
  writeFileSync(imagePath, await testImage());
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test("a placed image's alt text, caption and credit are edited, and the lead image is cropped with a focal point", async () => {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "writer");
  await page.getByRole("link", { name: "New story" }).click();
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByLabel("Headline").fill("Harbour lights repainted");
  await page.getByLabel("Section").fill("News");
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("The harbour lights were repainted this week.");
  await page.keyboard.press("Enter");
  await page.getByLabel("Image file").setInputFiles(imagePath);
  await page.getByLabel("Alt text", { exact: true }).fill("Harbour lights");
  await page.getByLabel("Caption", { exact: true }).fill("The lights");
  await page.getByRole("button", { name: "Upload image" }).click();
  await page.getByText("Image uploaded: harbour-colours.jpg").waitFor();

  const details = page.getByRole("group", { name: "Placed images" });
  await details.waitFor();
  assert.equal(
    await page.getByLabel("Image to edit").locator("option").first().textContent(),
    "Image 1: Harbour lights",
  );
  assert.deepEqual(await axeViolations(page), [], "axe violations with the placed-images panel");

  await page.getByLabel("Placed image alt text").fill("The red, blue and green harbour lights");
  await page.getByLabel("Placed image caption").fill("The lights after repainting");
  await page.getByLabel("Placed image credit").fill("Photo: Ria Shore");
  // The right half of the picture; the focal point low down, in the green.
  await page.getByLabel("Crop left (%)").fill("50");
  await page.getByLabel("Crop top (%)").fill("0");
  await page.getByLabel("Crop width (%)").fill("50");
  await page.getByLabel("Crop height (%)").fill("100");
  await page.getByLabel("Focal point across (%)").fill("50");
  await page.getByLabel("Focal point down (%)").fill("90");
  await page.getByRole("button", { name: "Update image" }).click();
  await page.getByRole("status").filter({ hasText: "Image 1 updated" }).waitFor();
  await page.getByRole("button", { name: "Save" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Saved: revision 1/ })
    .waitFor();

  const id = page.url().split("/").pop()!;
  const stored = (await getArticle(site.store, id))!.article;
  const image = stored.blocks.find((b) => b.type === "image") as ImageBlock;
  assert.equal(image.alt, "The red, blue and green harbour lights");
  assert.equal(image.caption, "The lights after repainting");
  assert.equal(image.credit, "Photo: Ria Shore");
  assert.deepEqual(image.crop, { x: 0.5, y: 0, width: 0.5, height: 1 });
  assert.deepEqual(image.focal, { x: 0.5, y: 0.9 });
  assert.match(image.src ?? "", /^\/media\/[a-f0-9]{20}-[a-f0-9]{8}-1000\.jpg$/);
  assert.deepEqual(
    image.sizes.map((s) => s.width),
    [320, 640, 1000],
  );

  // The renditions show the cropped part only: blue and green, no red.
  const shown = await colours(image.src!);
  assert.equal(shown.width, 1000);
  assert.equal(shown.height, 1200);
  assert.ok(shown.r < 30 && shown.b > 80 && shown.g > 80, `cropped rendition colours ${JSON.stringify(shown)}`);
  // The uploaded original is kept for later crops but never served.
  const mediaId = /\/media\/([a-f0-9]{20})-/.exec(image.src!)![1];
  assert.equal((await fetch(`${site.url}/media/${mediaId}-source.jpg`)).status, 404);

  // Published, the page's social card is the crop's 1200×630 JPEG around the focal point: green.
  const published = await fetch(`${site.url}/api/articles/${id}/publish`, {
    method: "POST",
    headers: { authorization: `Bearer ${site.editorToken}`, "if-match": '"1"' },
  });
  assert.equal(published.status, 200);
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await readerPage.goto(`${site.url}/news/news/${stored.slug}`);
  const og = (await readerPage.locator('meta[property="og:image"]').getAttribute("content")) ?? "";
  assert.match(og, /\/media\/[a-f0-9]{20}-[a-f0-9]{8}-og\.jpg$/);
  const card = await colours(new URL(og).pathname);
  assert.equal(card.width, 1200);
  assert.equal(card.height, 630);
  assert.ok(card.g > 150 && card.b < 40 && card.r < 40, `social card colours ${JSON.stringify(card)}`);
  const img = readerPage.getByRole("img", { name: "The red, blue and green harbour lights" });
  assert.match((await img.getAttribute("srcset")) ?? "", /-[a-f0-9]{8}-640\.jpg 640w/);
  await readerPage.getByText("Photo: Ria Shore").waitFor();
  await reader.close();
});

test("a crop outside the image is refused with a message, and nothing changes", async () => {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "writer");
  await page.getByRole("link", { name: "New story" }).click();
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.getByLabel("Image file").setInputFiles(imagePath);
  await page.getByLabel("Alt text", { exact: true }).fill("Harbour lights");
  await page.getByRole("button", { name: "Upload image" }).click();
  await page.getByText("Image uploaded: harbour-colours.jpg").waitFor();
  await page.getByLabel("Crop left (%)").fill("60");
  await page.getByLabel("Crop top (%)").fill("0");
  await page.getByLabel("Crop width (%)").fill("60");
  await page.getByLabel("Crop height (%)").fill("100");
  await page.getByRole("button", { name: "Update image" }).click();
  await page.getByRole("status").filter({ hasText: "Not updated: the crop must lie inside the image" }).waitFor();

  // The API refuses it too, naming the field.
  const response = await fetch(`${site.url}/api/media/0123456789abcdef0123/crop`, {
    method: "POST",
    headers: { authorization: `Bearer ${site.writerToken}`, "content-type": "application/json" },
    body: JSON.stringify({ crop: { x: 0.6, y: 0, width: 0.6, height: 1 } }),
  });
  assert.equal(response.status, 400);
  const body = (await response.json()) as { error: { issues: { path: string }[] } };
  assert.equal(body.error.issues[0].path, "crop");
});
