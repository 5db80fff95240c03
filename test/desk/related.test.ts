import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { createArticle } from "../../src/editorial/workflow.ts";
import { relatedFor } from "../../src/enrich/related/related.ts";
import { type Article, sectionSlug } from "../../src/model/article.ts";
import { articlePath } from "../../src/web/urls.ts";
import { launchChromium } from "../web/browser.ts";
import { Client } from "./http.ts";
import { axeViolations, type DeskSite, newContext, PASSWORDS, signIn, startDeskSite } from "./support.ts";

/**
 * Related stories from the desk: a journalist excludes a computed related story and pins another
 * one found by search; the reader's "More on this story" follows, and undoing both restores it.
 * Everything goes through /api/articles/:id/related, which machines can call too.
 */
let site: DeskSite;
let browser: Browser;
before(async () => {
  site = await startDeskSite("sqlite");
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const EDITOR = { id: "setup", name: "Setup", role: "editor" as const };
const published = (headline: string, paragraphs: string[]) =>
  createArticle(
    site.store,
    EDITOR,
    { headline, section: "News", status: "published", blocks: paragraphs.map((text) => ({ type: "paragraph", text })) },
    new Date(),
  ).then((r) => r.article);

/** Three stories about one drought (related to each other by their words and names) and one that is not. */
let fixture: Promise<{ article: Article; related: string[]; other: Article }> | undefined;
function storyWithRelated() {
  fixture ??= (async () => {
    const article = await published("Tollerby reservoir drought: hosepipe ban extended", [
      "Tollerby reservoir has fallen to a third of its capacity after the driest spring on record.",
      "Wendlemoor Water extended the hosepipe ban until the reservoir recovers, its chief engineer Alma Fenwick said.",
    ]);
    await published("Tollerby reservoir drought: hosepipe ban starts on Friday", [
      "A hosepipe ban starts in Tollerby on Friday as the drought empties the reservoir.",
      "Alma Fenwick of Wendlemoor Water asked gardeners to save water while the drought lasts.",
    ]);
    await published("Tollerby reservoir drought: Dunmarsh farmers fear hosepipe ban", [
      "Farmers near Dunmarsh say the drought and the low Tollerby reservoir have cost them a harvest.",
      "Wendlemoor Water says the hosepipe ban does not cover farms, but Alma Fenwick warned of limits.",
    ]);
    const other = await published("Brackenford chess club wins county championship", [
      "Brackenford chess club beat Quillhaven in the final round of the county championship on Saturday.",
    ]);
    const related = (await relatedFor(site.store, article.id)).map((r) => r.headline);
    assert.ok(related.length >= 2, `the drought stories are related (${related.join("; ")})`);
    assert.ok(!related.includes(other.headline));
    return { article, related, other };
  })();
  return fixture;
}

/** "More on this story" as a new reader sees it (a fresh browser: nothing from its own cache). */
async function readerRelated(article: Article): Promise<string[]> {
  const reader = await browser.newContext();
  const page = await reader.newPage();
  await page.goto(`${site.url}${articlePath({ slug: article.slug, sectionSlug: sectionSlug(article.section) })}`);
  const region = page.getByRole("region", { name: "More on this story" });
  const links = (await region.count()) === 0 ? [] : await region.getByRole("link").allTextContents();
  await reader.close();
  return links;
}

test("a writer excludes a related story and pins another; the reader's list follows", async () => {
  const { article, related, other } = await storyWithRelated();
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, site, "writer");
  await page.goto(`${site.url}/desk/stories/${article.id}`);
  await page.locator("body[data-editor-ready]").waitFor();
  const shown = page.getByRole("list", { name: "Shown now" });
  await shown.getByText(related[0]).waitFor();
  assert.deepEqual(await axeViolations(page), [], "axe violations on the related-stories panel");

  await page.getByRole("button", { name: `Exclude “${related[0]}”` }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Excluded “${related[0]}”` })
    .waitFor();
  assert.equal(await shown.getByText(related[0]).count(), 0);
  await page.getByRole("list", { name: "Excluded" }).getByText(related[0]).waitFor();

  await page.getByLabel("Find a story to pin").fill(other.headline.split(" ").slice(0, 4).join(" "));
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await page.getByRole("list", { name: "Stories found" }).getByText(other.headline).waitFor();
  assert.deepEqual(await axeViolations(page), [], "axe violations with search results");
  await page.getByRole("button", { name: `Pin “${other.headline}”` }).click();
  await page
    .getByRole("status")
    .filter({ hasText: `Pinned “${other.headline}”` })
    .waitFor();
  assert.match((await shown.getByRole("listitem").first().textContent()) ?? "", /\(pinned\)/);

  const links = await readerRelated(article);
  assert.equal(links[0], other.headline, "the pinned story comes first");
  assert.ok(!links.includes(related[0]), "the excluded story is gone");

  // Undo both from the desk, with the keyboard: the computed list comes back.
  await page.getByRole("button", { name: `Allow again “${related[0]}”` }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "allowed again" }).waitFor();
  await page.getByRole("button", { name: `Unpin “${other.headline}”` }).focus();
  await page.keyboard.press("Enter");
  await page
    .getByRole("status")
    .filter({ hasText: `Unpinned “${other.headline}”` })
    .waitFor();
  const restored = await readerRelated(article);
  assert.ok(restored.includes(related[0]));
  assert.ok(!restored.includes(other.headline));
  await context.close();
});

test("the related-story routes check the session's CSRF token, the articles and the body", async () => {
  const { article, other } = await storyWithRelated();
  const client = new Client(site);
  await client.signIn(site.users.writer, PASSWORDS.writer);
  const csrf = await client.csrf();
  const put = (otherId: string, body: unknown, token = csrf) =>
    client.fetch(`/api/articles/${article.id}/related/${otherId}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-csrf-token": token },
      body: JSON.stringify(body),
    });
  assert.equal((await put(other.id, { action: "pin" }, "wrong")).status, 403);
  assert.equal((await put(other.id, { action: "promote" })).status, 400);
  assert.equal((await put("no-such-story", { action: "pin" })).status, 404);
  assert.equal((await put(article.id, { action: "pin" })).status, 400);
  const ok = await put(other.id, { action: "exclude" });
  assert.equal(ok.status, 200);
  const body = (await ok.json()) as { choices: { id: string; action: string }[] };
  assert.deepEqual(
    body.choices.filter((c) => c.id === other.id).map((c) => c.action),
    ["exclude"],
  );
  const cleared = await client.fetch(`/api/articles/${article.id}/related/${other.id}`, {
    method: "DELETE",
    headers: { "x-csrf-token": csrf },
  });
  assert.equal(cleared.status, 200);
  const again = await client.fetch(`/api/articles/${article.id}/related/${other.id}`, {
    method: "DELETE",
    headers: { "x-csrf-token": csrf },
  });
  assert.equal(again.status, 404);
  const audit = await (
    await fetch(`${site.url}/api/audit?target=${article.id}`, {
      headers: { authorization: `Bearer ${site.editorToken}` },
    })
  ).json();
  const actions = (audit.entries as { action: string }[]).map((e) => e.action);
  assert.ok(actions.includes("related-exclude") && actions.includes("related-clear"));
});

test("pins and exclusions through the API on PostgreSQL", async () => {
  const pg = await startDeskSite("postgres", { sample: false });
  try {
    const make = (headline: string) =>
      createArticle(
        pg.store,
        EDITOR,
        { headline, section: "News", status: "published", blocks: [{ type: "paragraph", text: `${headline}.` }] },
        new Date(),
      ).then((r) => r.article);
    const story = await make("Market hall reopens");
    const other = await make("Stallholders return to the market hall");
    const auth = { authorization: `Bearer ${pg.writerToken}` };
    const pinned = await fetch(`${pg.url}/api/articles/${story.id}/related/${other.id}`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ action: "pin" }),
    });
    assert.equal(pinned.status, 200);
    const body = (await pinned.json()) as {
      related: { id: string; pinned: boolean }[];
      choices: { id: string; action: string; headline: string }[];
    };
    assert.deepEqual(body.related[0], { ...body.related[0], id: other.id, pinned: true });
    assert.deepEqual(body.choices, [{ id: other.id, action: "pin", headline: other.headline }]);
    const read = (await (await fetch(`${pg.url}/api/articles/${story.id}/related`, { headers: auth })).json()) as {
      choices: unknown[];
    };
    assert.equal(read.choices.length, 1);
    const cleared = await fetch(`${pg.url}/api/articles/${story.id}/related/${other.id}`, {
      method: "DELETE",
      headers: auth,
    });
    assert.equal(cleared.status, 200);
    assert.deepEqual(await pg.store.related.overrides(story.id), []);
  } finally {
    await pg.close();
  }
});
