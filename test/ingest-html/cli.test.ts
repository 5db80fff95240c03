import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/model/article.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

/** HTML pages and feeds through the real `import` and `extract` commands. */

const root = fileURLToPath(new URL("../..", import.meta.url));
const news = join(root, "../shared/data/readability-news-pages");

const cli = (args: string[]) => runCli(args);

const feed = (title: string) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Example</title><link>https://news.example.com/</link>
<item><title>Harbour plan approved</title><link>https://news.example.com/harbour</link><guid>urn:example:1</guid>
<description>Councillors back the waterfront redevelopment.</description></item>
<item><title>${title}</title><link>https://news.example.com/ferry</link><guid>urn:example:2</guid>
<description>The annual ferry race returns on Sunday.</description></item>
</channel></rss>`;

describe("HTML and feeds through the CLI", () => {
  const tmp = tempSqlitePath();
  after(() => tmp.cleanup());

  test("extract reads a saved page named by content, with --base-url resolving its links", () => {
    const copy = join(tmp.dir, "saved-page.dat");
    writeFileSync(
      copy,
      `<!doctype html><html lang="en"><head><title>Harbour plan approved</title></head><body><article>
      <p>The council voted on Tuesday to approve the <a href="/topics/harbour">harbour plan</a>, ending a long dispute.</p>
      <p>Councillors said the decision would bring jobs and new housing to the area over the next decade.</p>
      <img src="img/quay.jpg" alt="The quay"></article></body></html>`,
    );
    const r = cli(["extract", "--base-url", "https://news.example.com/local/page.html", copy]);
    assert.equal(r.code, 0, r.stderr);
    const article = JSON.parse(r.stdout.trim().split("\n")[0]) as Article & { format: string };
    assert.equal(article.format, "html");
    assert.equal(article.headline, "Harbour plan approved");
    assert.match(JSON.stringify(article.blocks), /https:\/\/news\.example\.com\/topics\/harbour/);
    assert.match(JSON.stringify(article.blocks), /https:\/\/news\.example\.com\/local\/img\/quay\.jpg/);
  });

  test("import stores real news pages and reports a broken feed as one line", () => {
    const broken = join(tmp.dir, "broken.rss");
    writeFileSync(broken, "<?xml version='1.0'?><rss><channel><item><title>x</title></channel></rss>");
    const r = cli([
      "import",
      "--db",
      tmp.path,
      join(news, "guardian-1", "source.html"),
      join(news, "lemonde-1", "source.html"),
      broken,
    ]);
    assert.equal(r.code, 1, "a failed file makes the exit code 1");
    assert.match(r.stdout, /imported 2, duplicates 0, failed 1/);
    assert.match(r.stderr, /broken\.rss: broken XML at line 1/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });

  test("importing a changed feed again updates its items instead of duplicating them", async () => {
    const dir = join(tmp.dir, "feeds");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "monday.xml"), feed("Ferry race returns"));
    writeFileSync(join(dir, "tuesday.xml"), feed("Ferry race returns on Sunday"));
    const first = cli(["import", "--db", tmp.path, join(dir, "monday.xml")]);
    assert.match(first.stdout, /imported 2,/, first.stderr);
    const second = cli(["import", "--db", tmp.path, join(dir, "tuesday.xml")]);
    assert.match(second.stdout, /imported 2,/, second.stderr);
    const store = await openStore(tmp.path);
    try {
      const rows = await kyselyOf(store)
        .selectFrom("articles")
        .select(["headline", "revision"])
        .where("headline", "like", "Ferry race%")
        .execute();
      assert.deepEqual(rows, [{ headline: "Ferry race returns on Sunday", revision: 2 }]);
      const harbour = await kyselyOf(store)
        .selectFrom("articles")
        .select("revision")
        .where("headline", "=", "Harbour plan approved")
        .execute();
      assert.equal(harbour.length, 1);
    } finally {
      await store.close();
    }
  });
});
