import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createToken } from "../../src/auth/tokens.ts";
import { createUser } from "../../src/auth/users.ts";
import { localMediaStorage, type MediaStorage } from "../../src/media/storage.ts";
import { seedSampleNewsroom } from "../../src/sample/seed.ts";
import type { Engine, Store } from "../../src/store/store.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import type { DeskOptions } from "../../src/web/desk/routes.tsx";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { tempSqlitePath, tempStore } from "../support/stores.ts";

export const PASSWORDS = {
  writer: "writer-password-1",
  editor: "editor-password-1",
  admin: "admin-password-1",
};

export interface DeskSite {
  store: Store;
  server: RunningServer;
  url: string;
  media: MediaStorage;
  mediaDir: string;
  users: { writer: string; editor: string; admin: string };
  editorToken: string;
  writerToken: string;
  close(): Promise<void>;
}

/** A real server with the desk and the editorial API over a fresh store, and one user per role. */
export async function startDeskSite(
  engine: Engine = "sqlite",
  options: { sample?: boolean; desk?: DeskOptions } = {},
): Promise<DeskSite> {
  const t = await tempStore(engine);
  if (options.sample !== false) await seedSampleNewsroom(t.store);
  const tmp = tempSqlitePath();
  const mediaDir = join(tmp.dir, "media");
  mkdirSync(mediaDir, { recursive: true });
  const media = localMediaStorage(mediaDir);
  const server = await startServer({
    store: t.store,
    port: 0,
    writeApi: createEditorialApi({ store: t.store, schedulerIntervalMs: 0, media }),
    // Autosave off unless a test turns it on, so revision numbers in other tests are the saves they make.
    desk: { signInLimits: false, autosaveMs: 0, ...options.desk },
    media,
  });
  const users = { writer: "writer@example.org", editor: "editor@example.org", admin: "admin@example.org" };
  await createUser(t.store, { email: users.writer, name: "Wren Writer", role: "writer", password: PASSWORDS.writer });
  await createUser(t.store, { email: users.editor, name: "Eddie Editor", role: "editor", password: PASSWORDS.editor });
  await createUser(t.store, { email: users.admin, name: "Ada Admin", role: "admin", password: PASSWORDS.admin });
  const editorToken = (await createToken(t.store, "editor", "test editor")).token;
  const writerToken = (await createToken(t.store, "writer", "test writer")).token;
  return {
    store: t.store,
    server,
    url: server.url,
    media,
    mediaDir,
    users,
    editorToken,
    writerToken,
    close: async () => {
      await server.close();
      await t.cleanup();
      tmp.cleanup();
    },
  };
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, site: DeskSite, role: keyof typeof PASSWORDS): Promise<void> {
  await page.goto(`${site.url}/desk/login`);
  await page.getByLabel("Email").fill(site.users[role]);
  await page.getByLabel("Password").fill(PASSWORDS[role]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${site.url}/desk`);
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  // bypassCSP only so axe-core can be injected; the pages keep their policy for everything else.
  return browser.newContext({ viewport: { width: 1200, height: 900 }, bypassCSP: true });
}

/** axe-core's violations on the page as `id: help (n nodes)` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { readFileSync } = await import("node:fs");
  const { createRequire } = await import("node:module");
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page above
    const axe = (window as any).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return (result.violations as { id: string; help: string; nodes: unknown[] }[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`,
  );
}
