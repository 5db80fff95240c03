import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { hostileBody } from "../../bench/hostile/hostile-body.ts";
import { MAX_ENTITIES_PER_KIND, MAX_QUOTES_PER_ARTICLE } from "../../src/enrich/enrich.ts";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

// Finding 7: a maximum-size body of invented names must be stored (not 500), capped, and must not
// hold up readers while it is enriched.
for (const engine of ENGINES) {
  describe(`a maximum-size article body on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
      await s.call("POST", "/api/articles", { role: "editor", body: story("front1", { status: "published" }) });
      assert.equal((await s.get("/")).status, 200);
    });
    after(() => s.close());

    test("is stored with capped quotes and entities, and GET / answers while it is enriched", async () => {
      const write = s.call("POST", "/api/articles", { role: "writer", body: hostileBody("big1") });
      let writeDone = false;
      void write.then(() => {
        writeDone = true;
      });
      await sleep(300);
      // Enrichment of this body takes seconds: the cached home page must not wait for it.
      const home = await s.get("/");
      assert.equal(home.status, 200);
      assert.equal(writeDone, false, "the home page answered while the write was still being enriched");
      const res = await write;
      assert.equal(res.status, 201, (await res.clone().text()).slice(0, 300));
      const stored = (await s.store.articles.get("big1"))!.article;
      assert.equal(stored.quotes.length, MAX_QUOTES_PER_ARTICLE);
      assert.ok(stored.people.length <= MAX_ENTITIES_PER_KIND);
      assert.ok(stored.people.length > 100);
    });

    test("a stored document with 10,000 quotes is saved in chunks", async () => {
      const quotes = Array.from({ length: 10_000 }, (_, i) => ({
        text: `Quote number ${i} about the harbour`,
        speaker: `Speaker ${i}`,
        type: "direct" as const,
      }));
      const doc = { ...story("many1"), slug: "many1", status: "draft", quotes };
      const saved = await s.store.articles.save(doc);
      assert.equal(saved.created, true);
      assert.equal((await s.store.articles.get("many1"))!.article.quotes.length, 10_000);
    });
  });
}
