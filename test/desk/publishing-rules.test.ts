import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/** The desk goes through the API's publishing rules: an empty story is refused with the reason; the history page lists publishing events. */
let site: DeskSite;
let browser: Browser;
before(async () => {
  site = await startDeskSite("sqlite", { sample: false });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test("publishing a story without a body is refused in the desk, and the history lists publish events", async () => {
  const editor = { id: "setup", name: "Setup", role: "editor" as const };
  const { article: empty } = await createArticle(
    site.store,
    editor,
    { headline: "Headline only", section: "News", blocks: [] },
    new Date(),
  );
  const { article: full } = await createArticle(
    site.store,
    editor,
    { headline: "Pier reopens", section: "News", status: "published", blocks: [{ type: "paragraph", text: "Open." }] },
    new Date(),
  );
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "editor");
  await page.goto(`${site.url}/desk/stories/${empty.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("status")
    .filter({ hasText: new RegExp(`Not saved: article ${empty.id} has no body`) })
    .waitFor();
  assert.equal((await getArticle(site.store, empty.id))!.article.status, "draft");

  await page.goto(`${site.url}/desk/stories/${full.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByRole("button", { name: "Unpublish" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Unpublished: revision 2/ })
    .waitFor();
  await page.goto(`${site.url}/desk/stories/${full.id}/history`);
  const events = await page.getByRole("list", { name: "Publishing history" }).getByRole("listitem").allTextContents();
  assert.equal(events.length, 2, events.join("\n"));
  assert.match(events[0], /create \(revision 1\) by Setup \(setup\): published/);
  assert.match(events[1], /unpublish \(revision 2\) by Eddie Editor/);
});
