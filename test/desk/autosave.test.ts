import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { getArticle } from "../../src/store/articles.ts";
import { launchChromium } from "../web/browser.ts";
import { axeViolations, type DeskSite, newContext, signIn, startDeskSite } from "./support.ts";

/**
 * Autosave: typing and then waiting stores the draft as a revision without anyone pressing Save;
 * a live story is never autosaved, and leaving with unsaved changes asks first.
 */
let site: DeskSite;
let browser: Browser;
before(async () => {
  site = await startDeskSite("sqlite", { sample: false, desk: { autosaveMs: 600 } });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const bodyText = (blocks: { type: string; text?: string }[]) =>
  blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : [])).join(" | ");

/** Waits until the stored story's body reads `expected` (polling the store), then for the desk to agree. */
async function autosaved(page: Page, expected: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const id = /\/desk\/stories\/([^/]+)$/.exec(page.url())?.[1];
    const stored = id && id !== "new" ? await getArticle(site.store, id) : null;
    if (stored && bodyText(stored.article.blocks) === expected) break;
    if (Date.now() > deadline) throw new Error(`no autosave with the body “${expected}”`);
    await page.waitForTimeout(100);
  }
  await page
    .getByRole("status")
    .filter({ hasText: /Autosaved: revision \d+/ })
    .waitFor();
  await page.getByText("Unsaved changes", { exact: true }).waitFor({ state: "hidden" });
}

test("typing then waiting creates a new story and then new revisions, without pressing Save", async () => {
  const page = await (await newContext(browser)).newPage();
  await signIn(page, site, "writer");
  await page.getByRole("link", { name: "New story" }).click();
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByLabel("Headline").fill("Ferry timetable changes from May");
  await page.getByLabel("Section").fill("News");
  await page.getByRole("textbox", { name: "Story body" }).click();
  await page.keyboard.type("The first ferry will leave at six.");
  await autosaved(page, "The first ferry will leave at six.");
  await page.waitForURL(/\/desk\/stories\/[^/]+$/);
  const id = page.url().split("/").pop()!;
  const first = await getArticle(site.store, id);
  assert.ok(first, "the autosave created the story");
  assert.equal(first.article.status, "draft");
  assert.equal(bodyText(first.article.blocks), "The first ferry will leave at six.");
  const revisionsBefore = (await site.store.articles.revisions(id)).length;

  await page.keyboard.press("Enter");
  await page.keyboard.type("The last one leaves at ten.");
  await page.getByText("Unsaved changes", { exact: true }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "axe violations with unsaved changes shown");
  await autosaved(page, "The first ferry will leave at six. | The last one leaves at ten.");
  const second = (await getArticle(site.store, id))!;
  assert.equal(bodyText(second.article.blocks), "The first ferry will leave at six. | The last one leaves at ten.");
  const revisions = await site.store.articles.revisions(id);
  assert.ok(revisions.length > revisionsBefore, "a new revision was stored");
  assert.equal(revisions.at(-1)!.author, "Wren Writer");
  await page.close();
});

test("a published story is not autosaved, and leaving it with unsaved changes asks first", async () => {
  const { article } = await createArticle(
    site.store,
    { id: "setup", name: "Setup", role: "editor" },
    {
      headline: "Bridge closes for repairs",
      section: "News",
      status: "published",
      blocks: [{ type: "paragraph", text: "The bridge closes on Monday." }],
    },
    new Date(),
  );
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, site, "editor");
  await page.goto(`${site.url}/desk/stories/${article.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  await page.getByLabel("Summary").fill("Repairs take a week.");
  await page.getByText("Unsaved changes", { exact: true }).waitFor();

  const asked = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), "beforeunload", "the browser asked before leaving");
  await dialog.dismiss();
  assert.equal(page.isClosed(), false, "staying was possible");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  // Well past the autosave delay: a live story changes only when someone presses Save.
  await page.waitForTimeout(1500);
  assert.equal((await site.store.articles.revisions(article.id)).length, 1);

  await page.getByRole("button", { name: "Save" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: /Saved: revision 2/ })
    .waitFor();
  await page.getByText("Unsaved changes", { exact: true }).waitFor({ state: "hidden" });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent("close");
  assert.deepEqual(dialogs, [], "no question once saved");
  await context.close();
});
