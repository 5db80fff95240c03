import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite } from "./support.ts";

const feed = (word: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Harbour plan approved</title><link>https://wire.example/harbour</link>
<guid isPermaLink="false">urn:wire:101</guid><pubDate>Tue, 05 Mar 2024 10:48:00 GMT</pubDate>
<category>Local</category><description>Councillors back the ${word} redevelopment.</description></item>
</channel></rss>`;

// Finding 2: a re-import that updates an existing article keeps its editorial state and is audited.
for (const engine of ENGINES) {
  describe(`re-importing a feed on ${engine}`, () => {
    let s: HostileSite;
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-reimport-"));
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(async () => {
      await s.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const importFeed = async (word: string) => {
      const file = join(dir, `feed-${word}.xml`);
      writeFileSync(file, feed(word));
      const result = await importInputs(s.store, [file]);
      assert.deepEqual(result.failed, []);
      return result.ids[0];
    };

    test("a deleted article stays deleted, and the update has an author and an audit row", async () => {
      const id = await importFeed("waterfront");
      const first = (await s.store.articles.get(id))!;
      assert.equal(first.article.status, "published");
      const path = `/news/${sectionSlug(first.article.section)}/${first.article.slug}`;
      assert.equal((await s.get(path)).status, 200);
      const del = await s.call("DELETE", `/api/articles/${id}`, { role: "editor", ifMatch: `"${first.revision}"` });
      assert.equal(del.status, 200, await del.clone().text());
      assert.equal((await s.get(path)).status, 410);

      assert.equal(await importFeed("harbourside"), id);
      const after = (await s.store.articles.get(id))!;
      assert.equal(after.article.status, "deleted");
      assert.match(after.article.summary, /harbourside/);
      assert.equal(after.article.slug, first.article.slug);
      assert.equal((await s.get(path)).status, 410);
      const [latest] = await s.store.articles.revisions(id);
      assert.equal(latest.revision, after.revision);
      assert.ok(latest.author, "the import's revision names who made it");
      const audit = await s.store.audit.list({ target: id });
      assert.equal(audit[0].action, "import");
      assert.equal(audit[0].revision, after.revision);
    });
  });
}
