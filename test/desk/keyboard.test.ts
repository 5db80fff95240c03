import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { type DeskSite, newContext, PASSWORDS, signIn, startDeskSite } from "./support.ts";

/** The whole write → publish flow with the keyboard only: Tab to move, type, Enter/Space to act. */
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

/** Presses Tab until `target` has the focus (at most 120 times). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}

test("an editor signs in, writes and publishes a story without the mouse", async () => {
  const page = await (await newContext(browser)).newPage();
  await page.goto(`${site.url}/desk/login`);
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(site.users.editor);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(PASSWORDS.editor);
  await page.keyboard.press("Enter");
  await page.waitForURL(`${site.url}/desk`);

  await tabTo(page, page.getByRole("link", { name: "New story" }));
  await page.keyboard.press("Enter");
  await page.locator("body[data-editor-ready]").waitFor();
  await tabTo(page, page.getByLabel("Headline"));
  await page.keyboard.type("Library opens on Sundays");
  await tabTo(page, page.getByLabel("Summary"));
  await page.keyboard.type("A trial of Sunday opening starts next month.");
  await tabTo(page, page.getByLabel("Section"));
  await page.keyboard.type("Culture");
  await tabTo(page, page.getByRole("textbox", { name: "Story body" }));
  await page.keyboard.type("The central library will open from noon to four on Sundays.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Opening hours");
  await tabTo(page, page.getByRole("button", { name: "Crosshead" }));
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("The trial runs for three months.");
  await tabTo(page, page.getByRole("button", { name: "Save" }));
  await page.keyboard.press("Enter");
  await page
    .getByRole("status")
    .filter({ hasText: /Saved: revision 1/ })
    .waitFor();
  await tabTo(page, page.getByRole("button", { name: "Publish", exact: true }));
  await page.keyboard.press("Space");
  await page
    .getByRole("status")
    .filter({ hasText: /Published: revision 2/ })
    .waitFor();

  const id = page.url().split("/").pop()!;
  const stored = (await getArticle(site.store, id))!.article;
  assert.equal(stored.status, "published");
  assert.deepEqual(
    stored.blocks.map((b) => b.type),
    ["paragraph", "crosshead", "paragraph"],
  );
});

test("related stories are pinned and unpinned with the keyboard", async () => {
  const editor = { id: "setup", name: "Setup", role: "editor" as const };
  const make = (headline: string, text: string) =>
    createArticle(
      site.store,
      editor,
      { headline, section: "News", status: "published", blocks: [{ type: "paragraph", text }] },
      new Date(),
    ).then((r) => r.article);
  const story = await make("Swimming pool reopens", "The pool in Wrenhithe reopens on Saturday.");
  const other = await make("Lifeguards wanted in Wrenhithe", "The council is hiring lifeguards for the summer.");
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "writer");
  await page.goto(`${site.url}/desk/stories/${story.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  await tabTo(page, page.getByLabel("Find a story to pin"));
  await page.keyboard.type("lifeguards");
  await page.keyboard.press("Enter");
  const pin = page.getByRole("button", { name: `Pin “${other.headline}”` });
  await pin.waitFor();
  await tabTo(page, pin);
  await page.keyboard.press("Enter");
  await page
    .getByRole("status")
    .filter({ hasText: `Pinned “${other.headline}”` })
    .waitFor();
  const unpin = page.getByRole("button", { name: `Unpin “${other.headline}”` });
  await tabTo(page, unpin);
  await page.keyboard.press("Space");
  await page
    .getByRole("status")
    .filter({ hasText: `Unpinned “${other.headline}”` })
    .waitFor();
  assert.deepEqual(await site.store.related.overrides(story.id), []);
});
