import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/**
 * Two people edit one story in two browsers. The second save gets the API's 412; the desk shows
 * what the other person changed and offers to merge or reload; after merging, both edits are kept.
 */
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

async function open(role: "writer" | "editor", id: string): Promise<Page> {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, role);
  await page.goto(`${site.url}/desk/stories/${id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  return page;
}

test("the second save is refused, the desk shows the other changes, and merging keeps both", async () => {
  const created = await createArticle(
    site.store,
    { id: "setup", name: "Setup", role: "editor" },
    {
      headline: "Ferry timetable changes",
      section: "News",
      summary: "Fewer crossings in winter.",
      blocks: [
        { type: "paragraph", text: "The ferry will run four times a day from November." },
        { type: "paragraph", text: "Passengers are asked to book ahead." },
      ],
    },
    new Date(),
  );
  const id = created.article.id;
  const first = await open("editor", id);
  const second = await open("writer", id);

  // The first person changes the headline and saves.
  await first.getByLabel("Headline").fill("Ferry timetable cut to four crossings a day");
  await first.getByRole("button", { name: "Save" }).click();
  await first
    .getByRole("status")
    .filter({ hasText: /Saved: revision 2/ })
    .waitFor();

  // The second, still on revision 1, adds a paragraph and saves.
  await second.getByRole("textbox", { name: "Story body" }).click();
  await second.keyboard.press("Control+End");
  await second.keyboard.press("Enter");
  await second.keyboard.type("Season tickets will be refunded in part.");
  await second.getByRole("button", { name: "Save" }).click();
  const conflict = second.getByRole("region", { name: "Someone else changed this story" });
  await conflict.waitFor();
  assert.match(
    (await conflict.textContent()) ?? "",
    /headline: “Ferry timetable changes” → “Ferry timetable cut to four crossings a day”/,
  );
  assert.match((await conflict.textContent()) ?? "", /Season tickets will be refunded in part/);
  // Nothing was overwritten.
  assert.equal((await getArticle(site.store, id))!.revision, 2);

  await second.getByRole("button", { name: "Merge my changes" }).click();
  assert.equal(await second.getByLabel("Headline").inputValue(), "Ferry timetable cut to four crossings a day");
  await second.getByRole("button", { name: "Save" }).click();
  await second
    .getByRole("status")
    .filter({ hasText: /Saved: revision 3/ })
    .waitFor();

  const stored = (await getArticle(site.store, id))!.article;
  assert.equal(stored.headline, "Ferry timetable cut to four crossings a day");
  assert.deepEqual(
    stored.blocks.map((b) => (b.type === "paragraph" ? b.text : b.type)),
    [
      "The ferry will run four times a day from November.",
      "Passengers are asked to book ahead.",
      "Season tickets will be refunded in part.",
    ],
  );
});

test("reload takes the other version and drops the unsaved edit only when asked", async () => {
  const created = await createArticle(
    site.store,
    { id: "setup", name: "Setup", role: "editor" },
    { headline: "Bridge closed", section: "News", blocks: [{ type: "paragraph", text: "The bridge is shut." }] },
    new Date(),
  );
  const id = created.article.id;
  const first = await open("editor", id);
  const second = await open("editor", id);
  await first.getByLabel("Summary").fill("Shut for repairs until Friday.");
  await first.getByRole("button", { name: "Save" }).click();
  await first
    .getByRole("status")
    .filter({ hasText: /Saved: revision 2/ })
    .waitFor();
  await second.getByLabel("Headline").fill("Bridge closed for a week");
  await second.getByRole("button", { name: "Save" }).click();
  await second.getByRole("button", { name: "Reload their version" }).click();
  assert.equal(await second.getByLabel("Summary").inputValue(), "Shut for repairs until Friday.");
  assert.equal(await second.getByLabel("Headline").inputValue(), "Bridge closed");
  assert.equal((await getArticle(site.store, id))!.revision, 2);
});
