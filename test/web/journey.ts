import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** A page that records console errors and uncaught exceptions. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Chromium reports the document's own 404/410 status as a console error; that is the page working.
    if (/status of 4(04|10)/.test(m.text()) && m.location().url === page.url()) return;
    errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return { page, errors };
}

/**
 * A reader of the sample newsroom goes home → section → article → related story → tag page,
 * by clicking, with no console errors. Shared so every store engine runs the same journey.
 */
export async function readerJourney(browser: Browser, siteUrl: string, javaScriptEnabled: boolean): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
  const { page, errors } = await openPage(context);
  await page.goto(siteUrl);
  assert.equal(await page.title(), "Newsdesk — Independent news from Quillhaven and the Wendle Valley");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Politics", exact: true }).click();
  await page.waitForURL(/\/news\/politics$/);
  assert.equal(await page.locator("h1").textContent(), "Politics");
  await page.getByRole("link", { name: /Quillhaven council approves harbour-front housing plan/ }).click();
  await page.waitForURL(/\/news\/politics\/quillhaven-council-approves/);
  await page
    .getByRole("region", { name: "More on this story" })
    .getByRole("link", { name: /Wendlemoor Assembly votes to cap single bus fares/ })
    .click();
  await page.waitForURL(/\/news\/politics\/wendlemoor-assembly-votes-to-cap/);
  assert.match((await page.locator("h1").textContent()) ?? "", /cap single bus fares at £2/);
  await page
    .getByRole("region", { name: "Topics in this story" })
    .getByRole("link", { name: "Idris Calloway" })
    .click();
  await page.waitForURL(/\/people\/idris-calloway$/);
  assert.equal(await page.locator("h1").textContent(), "Idris Calloway");
  // A person's page shows what they said, with the story it was said in.
  const said = page.getByRole("region", { name: "In their words" });
  assert.match((await said.textContent()) ?? "", /A bus fare should never be the reason someone turns down a job/);
  assert.equal(await page.locator("main .story-list .story-headline a").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
}

/** Loads each path and asserts axe-core finds no violations on it, and no console errors. */
export async function assertNoAxeViolations(
  browser: Browser,
  siteUrl: string,
  pages: string[][],
  scheme: "light" | "dark",
): Promise<void> {
  // axe is injected as a script, which our Content-Security-Policy would rightly refuse.
  const context = await browser.newContext({
    colorScheme: scheme,
    bypassCSP: true,
    viewport: { width: 1280, height: 900 },
  });
  const { page, errors } = await openPage(context);
  for (const [name, path] of pages) {
    await page.goto(`${siteUrl}${path}`);
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      // biome-ignore lint/suspicious/noExplicitAny: axe is a global injected above
      const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
      return result.violations.map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    });
    assert.deepEqual(violations, [], `${name} (${path}) in ${scheme}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
}
