import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createArticle } from "../../src/editorial/workflow.ts";
import { openStore } from "../../src/store/open.ts";
import { startServer } from "../../src/web/server.ts";
import { tempSqlitePath } from "../support/stores.ts";
import { Client } from "./http.ts";
import { type DeskSite, PASSWORDS, startDeskSite } from "./support.ts";

/** The story list: status, section, author and last change; filters and search. */
let site: DeskSite;
before(async () => {
  site = await startDeskSite("sqlite", { sample: false });
  const writer = { id: "w", name: "Wren Writer", role: "writer" as const };
  const editor = { id: "e", name: "Eddie Editor", role: "editor" as const };
  const now = new Date();
  await createArticle(site.store, writer, { headline: "Tide tables misprinted", section: "News", summary: "" }, now);
  await createArticle(
    site.store,
    editor,
    {
      headline: "Rowing club wins regatta",
      section: "Sport",
      status: "published",
      summary: "Gold on the estuary.",
      // A story is published only with a body.
      blocks: [{ type: "paragraph", text: "The club's eight won by a length." }],
    },
    now,
  );
});
after(() => site.close());

const rows = (html: string) =>
  [...html.matchAll(/<tr><td><a href="\/desk\/stories\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

test("filters by status, section and author, and searches headlines and summaries", async () => {
  const c = new Client(site);
  await c.signIn(site.users.editor, PASSWORDS.editor);
  const list = async (query: string) => rows(await (await c.fetch(`/desk${query}`)).text());
  assert.deepEqual((await list("")).sort(), ["Rowing club wins regatta", "Tide tables misprinted"]);
  assert.deepEqual(await list("?status=draft"), ["Tide tables misprinted"]);
  assert.deepEqual(await list("?status=published"), ["Rowing club wins regatta"]);
  assert.deepEqual(await list("?section=Sport"), ["Rowing club wins regatta"]);
  assert.deepEqual(await list("?author=Wren+Writer"), ["Tide tables misprinted"]);
  assert.deepEqual(await list("?q=estuary"), ["Rowing club wins regatta"]);
  assert.deepEqual(await list("?q=100%25_"), []);
  const html = await (await c.fetch("/desk?status=draft")).text();
  assert.match(html, /<td>Draft<\/td><td>News<\/td><td>Wren Writer<\/td>/);
});

test("over HTTPS the session cookie is Secure with the __Host- prefix", async () => {
  const tmp = tempSqlitePath();
  const store = await openStore(tmp.path);
  const { createUser } = await import("../../src/auth/users.ts");
  await createUser(store, { email: "s@example.org", name: "S", role: "writer", password: "secure-password" });
  const server = await startServer({ store, port: 0, baseUrl: "https://news.example.org", desk: {} });
  try {
    const c = new Client({ url: server.url } as DeskSite);
    const r = await c.signIn("s@example.org", "secure-password");
    const cookie = r.headers.getSetCookie().find((l) => l.startsWith("__Host-nd_session="));
    assert.ok(cookie, r.headers.getSetCookie().join(" | "));
    assert.match(cookie, /; Secure/i);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /Path=\//);
  } finally {
    await server.close();
    await store.close();
    tmp.cleanup();
  }
});
