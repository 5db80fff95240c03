import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { StoreChangeWatcher } from "../../src/web/cache/freshness.ts";
import { RenderCache, renderResponse } from "../../src/web/cache/render-cache.ts";
import { type LiveInvalidation, startLiveInvalidation } from "../../src/web/cdn/live-invalidation.ts";
import { type TestStore, tempStore } from "../support/stores.ts";
import { waitFor } from "./support.ts";

const story = { id: "lv1", slug: "live", section: "News", headline: "Live", blocks: [] };

describe("live invalidation on PostgreSQL (LISTEN/NOTIFY)", () => {
  let t: TestStore;
  let live: LiveInvalidation;
  const cache = new RenderCache();
  let watcher: StoreChangeWatcher;
  before(async () => {
    t = await tempStore("postgres");
    await saveArticle(t.store, story);
    watcher = new StoreChangeWatcher(t.store, cache);
    live = await startLiveInvalidation({ store: t.store, cache, freshness: watcher });
    await watcher.sync();
  });
  after(async () => {
    await live.close();
    await t.cleanup();
  });

  test("requests skip the probe until a write is notified, which drops exactly that article's pages", async () => {
    const page = (keys: string[]) => renderResponse({ contentType: "text/html", body: "x", cacheControl: "", keys });
    cache.set("/a", page(["article-lv1", "section-news"]));
    cache.set("/other", page(["article-zz", "section-sport"]));
    assert.equal(watcher.isCurrent(), true, "nothing written: the cache is current without a query");
    await saveArticle(t.store, { ...story, headline: "Live, updated" });
    await waitFor("the notification", () => (cache.get("/a") ? undefined : true), 5000);
    assert.ok(cache.get("/other"), "pages of other articles stay");
    assert.equal(watcher.isCurrent(), false, "the token moved: the next request probes");
    await watcher.sync();
    assert.equal(watcher.isCurrent(), true);
  });

  test("while the feed is disconnected every request probes; when it is back the cache is dropped", async (ctx) => {
    if (!/^postgres/.test(t.location)) return ctx.skip("needs a PostgreSQL server to cut the connection");
    cache.set("/a", renderResponse({ contentType: "text/html", body: "x", cacheControl: "", keys: ["article-lv1"] }));
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'newsdesk-listen' AND datname = current_database()`.execute(kyselyOf(t.store));
    await waitFor("the drop to be noticed", () => (watcher.isCurrent() ? undefined : true), 5000);
    assert.equal(watcher.isCurrent(), false);
    await waitFor("the feed to reconnect and resync", () => (cache.size === 0 ? true : undefined), 10_000);
    await watcher.sync();
    await waitFor("a current cache again", () => (watcher.isCurrent() ? true : undefined), 5000);
  });
});
