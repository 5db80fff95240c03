import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/** An editor's workflow buttons go through the API's transitions: unpublish, embargo, schedule, withdraw. */
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

test("unpublish, embargo, schedule and withdraw from the desk", async () => {
  const { article } = await createArticle(
    site.store,
    { id: "setup", name: "Setup", role: "editor" },
    {
      headline: "Pier reopens",
      section: "News",
      status: "published",
      blocks: [{ type: "paragraph", text: "It is open." }],
    },
    new Date(),
  );
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "editor");
  await page.goto(`${site.url}/desk/stories/${article.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  const status = page.locator("#story-status");
  const done = (text: RegExp) => page.getByRole("status").filter({ hasText: text }).waitFor();

  await page.getByRole("button", { name: "Unpublish" }).click();
  await done(/Unpublished: revision 2/);
  assert.equal(await status.textContent(), "unpublished");

  await page.getByLabel("Publish at").fill("2031-05-01T09:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await done(/Scheduled: revision 3/);
  assert.equal(await status.textContent(), "scheduled");

  await page.getByLabel("Embargo until").fill("2031-06-01T09:00");
  await page.getByRole("button", { name: "Embargo" }).click();
  // The document does not change (only the schedule does), so no new revision is made.
  await done(/Embargoed: revision 3/);

  await page.getByRole("button", { name: "Withdraw" }).click();
  await done(/Withdrawn: revision 4/);
  assert.equal((await getArticle(site.store, article.id))!.article.status, "deleted");

  // A refused move shows the API's message, naming the reason.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await done(/Not saved: the article is deleted; restore it first/);
});
