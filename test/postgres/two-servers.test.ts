import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, describe, test } from "node:test";
import { createToken } from "../../src/auth/tokens.ts";
import { saveArticle } from "../../src/store/articles.ts";
import { type ArticleChange, watchArticleChanges } from "../../src/store/changes.ts";
import type { Spawned } from "../support/cli.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { startServe, waitFor } from "./support.ts";

const story = {
  id: "twin1",
  slug: "bridge-reopens",
  section: "Wendle Valley",
  headline: "Bridge reopens after repairs",
  summary: "Traffic is flowing again.",
  firstPublished: "2026-03-02T09:00:00Z",
  blocks: [{ type: "paragraph", text: "The old bridge over the Wendle reopened on Monday." }],
  places: [{ name: "Wendle Valley", aliases: [] }],
};

for (const engine of ENGINES) {
  describe(`two serve processes on one ${engine} store`, () => {
    let t: TestStore;
    let servers: (Spawned & { url: string })[] = [];
    let purges: string[][] = [];
    let purgeServer: ReturnType<typeof createServer>;
    let purgeUrl = "";

    before(async () => {
      t = await tempStore(engine);
      await saveArticle(t.store, story);
      // Stands in for the CDN: records the keys each purge names.
      purgeServer = createServer((req, res) => {
        let body = "";
        req.on("data", (d) => {
          body += d;
        });
        req.on("end", () => {
          purges.push((JSON.parse(body) as { keys: string[] }).keys);
          res.end("ok");
        });
      });
      await new Promise<void>((resolve) => purgeServer.listen(0, "127.0.0.1", resolve));
      const address = purgeServer.address();
      purgeUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/purge`;
      servers = await Promise.all([
        startServe(t.location, { NEWSDESK_PURGE_URL: purgeUrl }),
        startServe(t.location, { NEWSDESK_PURGE_URL: purgeUrl }),
      ]);
    });
    after(async () => {
      for (const s of servers) {
        s.child.kill("SIGTERM");
        await s.exited;
      }
      purgeServer.close();
      await t.cleanup();
    });

    test("both serve the same page, tagged with surrogate keys naming article, section and tags", async () => {
      const pages = await Promise.all(servers.map((s) => fetch(`${s.url}/news/wendle-valley/bridge-reopens`)));
      const [a, b] = await Promise.all(pages.map((p) => p.text()));
      assert.equal(pages[0].status, 200);
      assert.ok(a === b, "the same page from both servers");
      const keys = pages[0].headers.get("surrogate-key")?.split(" ") ?? [];
      for (const key of ["article-twin1", "section-wendle-valley", "tag-place-wendle-valley"])
        assert.ok(keys.includes(key), `${key} in ${keys.join(" ")}`);
      assert.equal(pages[0].headers.get("cache-tag"), keys.join(","));
    });

    test("a revision published through one server is served by the other within one second", async () => {
      const seen: ArticleChange[] = [];
      const feed = await watchArticleChanges(t.store, { onChange: (c) => seen.push(...c) }, { pollMs: 50 });
      try {
        const [one, other] = servers;
        const url = `${other.url}/news/wendle-valley/bridge-reopens`;
        assert.match(await (await fetch(url)).text(), /Bridge reopens after repairs/, "the other server has it cached");
        purges = [];
        const { token } = await createToken(t.store, "editor", "two-servers test");
        const response = await fetch(`${one.url}/api/articles/twin1`, {
          method: "PATCH",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "if-match": '"1"' },
          body: JSON.stringify({ headline: "Bridge reopens to traffic" }),
        });
        assert.equal(response.status, 200, await response.text());
        const published = Date.now();
        await waitFor(
          "the other server to serve revision 2",
          async () => ((await (await fetch(url)).text()).includes("Bridge reopens to traffic") ? true : undefined),
          5000,
        );
        const servedAfter = Date.now() - published;
        assert.ok(servedAfter < 1000, `served by the other server after ${servedAfter} ms`);
        // The mechanism: the write reached other processes through the change feed, keyed for purging.
        await waitFor("the change feed", () =>
          seen.some((c) => c.id === "twin1" && c.revision === 2) ? true : undefined,
        );
        await waitFor("the CDN purge", () =>
          purges.some((keys) => keys.includes("article-twin1") && keys.includes("section-wendle-valley"))
            ? true
            : undefined,
        );
      } finally {
        await feed.close();
      }
    });
  });
}
