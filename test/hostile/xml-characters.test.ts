import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

const BAD = "\uFFFF\uFFFE\u0007\u001B\uD800";
const XML_PATHS = ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/world/rss.xml", "/sitemap.xml", "/news-sitemap.xml"];

// Finding 4: characters XML cannot carry must not make any feed or sitemap ill-formed.
for (const engine of ENGINES) {
  describe(`characters XML cannot carry on ${engine}`, () => {
    let s: HostileSite;
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-xmlchars-"));
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(async () => {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const assertFeedsWellFormed = async () => {
      for (const path of XML_PATHS) {
        const res = await s.get(path);
        assert.equal(res.status, 200, path);
        const xml = await res.text();
        assert.equal(XMLValidator.validate(xml), true, `${path} is well-formed`);
        assert.doesNotMatch(xml, /[\uFFFE\uFFFF\u0007\u001B]/, path);
      }
    };

    test("the API strips them from a headline on the way in", async () => {
      const res = await s.call("POST", "/api/articles", {
        role: "editor",
        body: story("xml1", { headline: `Harbour${BAD} plan`, summary: `Sum${BAD}mary`, status: "published" }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal((await s.store.articles.get("xml1"))?.article.headline, "Harbour plan");
      await assertFeedsWellFormed();
    });

    test("a document already stored with them still gives well-formed feeds", async () => {
      await s.store.articles.save({
        ...story("xml2", { headline: `Old${BAD} story`, status: "published" }),
        slug: "old-story",
        firstPublished: new Date().toISOString(),
      });
      assert.match((await s.store.articles.get("xml2"))!.article.headline, /\uFFFF/);
      await assertFeedsWellFormed();
    });

    test("imports strip them, and refuse NUL naming the field", async () => {
      const line = (id: string, headline: string) =>
        JSON.stringify({
          ...story(id, { headline, status: "published", firstPublished: new Date().toISOString() }),
          slug: id,
        });
      const ok = join(dir, "ok.jsonl");
      writeFileSync(ok, `${line("xml3", `Restored\u0001${BAD} headline`)}\n`);
      const good = await importInputs(s.store, [ok]);
      assert.deepEqual(good.failed, []);
      assert.equal((await s.store.articles.get("xml3"))?.article.headline, "Restored headline");
      const nul = join(dir, "nul.jsonl");
      writeFileSync(nul, `${line("xml4", "Null\u0000byte")}\n`);
      const refused = await importInputs(s.store, [nul]);
      assert.equal(refused.failed.length, 1);
      assert.match(refused.failed[0].reason, /headline: must not contain a NUL character/);
      assert.equal(await s.store.articles.get("xml4"), null);
      const feed = join(dir, "feed.json");
      writeFileSync(
        feed,
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "Wire",
          items: [{ id: "w1", title: `Wire\u0007${BAD} story`, content_text: "Body text of the wire story." }],
        }),
      );
      const wire = await importInputs(s.store, [feed]);
      assert.deepEqual(wire.failed, []);
      assert.equal((await s.store.articles.get(wire.ids[0]))?.article.headline, "Wire story");
      await assertFeedsWellFormed();
    });
  });
}
