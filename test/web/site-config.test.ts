import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ConfigError, loadSiteConfig, mapSection, parseSiteConfig } from "../../src/config/site-config.ts";
import { importInputs } from "../../src/ingest/pipeline.ts";
import { getArticle } from "../../src/store/articles.ts";
import type { Store } from "../../src/store/store.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { ENGINES, tempSqlitePath, tempStore } from "../support/stores.ts";
import { REFERENCE_ARTICLE } from "./support.ts";

const bin = join(import.meta.dirname, "..", "..", "bin", "newsdesk.js");
const POLITICS = join(import.meta.dirname, "..", "..", "..", "shared", "data", "bbc-news-2005", "politics");
/** Words only the sample newsroom uses: none may appear on a site that is not the sample. */
const SAMPLE_TEXT = /Quillhaven|Wendle|Wendlemoor|sample newsroom|invented/i;

describe("site configuration: newsdesk.config.json", () => {
  test("a valid file gives defaults for what it leaves out (Europe/London, en-GB)", () => {
    const config = parseSiteConfig({ name: "The Ledger" });
    assert.equal(config.timeZone, "Europe/London");
    assert.equal(config.language, "en-GB");
    assert.deepEqual(config.sections, []);
  });

  test("errors name the file and the field, with the reason", () => {
    const cases: [unknown, RegExp][] = [
      [{}, /^site\.json: name: /],
      [{ name: "X", timeZone: "Mars/Olympus" }, /^site\.json: timeZone: must be an IANA time zone/],
      [{ name: "X", baseUrl: "news.example.org" }, /^site\.json: baseUrl: must be an absolute http\(s\) URL/],
      [
        { name: "X", sections: [{ name: "Politics" }, { name: " " }] },
        /^site\.json: sections\[1\]\.name: must not be empty/,
      ],
      [
        { name: "X", footerLinks: [{ label: "About", href: "javascript:alert(1)" }] },
        /footerLinks\[0\]\.href: must be a path/,
      ],
      [{ name: "X", colour: "red" }, /^site\.json: colour: unknown field/],
      [{ name: "X", sections: [{ name: "Politics" }, { name: "politics" }] }, /sections\[1\]\.name: .* same address/],
    ];
    for (const [input, message] of cases) {
      assert.throws(
        () => parseSiteConfig(input, "site.json"),
        (e: unknown) => e instanceof ConfigError && message.test(e.message),
        JSON.stringify(input),
      );
    }
  });

  test("environment variables override the file for deployments", (t) => {
    const tmp = tempSqlitePath();
    t.after(() => tmp.cleanup());
    const file = join(tmp.dir, "newsdesk.config.json");
    writeFileSync(file, JSON.stringify({ name: "The Ledger", timeZone: "Europe/Paris" }));
    const config = loadSiteConfig(file, {
      env: { NEWSDESK_SITE_NAME: "Ledger Staging", NEWSDESK_BASE_URL: "https://staging.example.org" },
    });
    assert.equal(config.name, "Ledger Staging");
    assert.equal(config.baseUrl, "https://staging.example.org");
    assert.equal(config.timeZone, "Europe/Paris");
    assert.throws(
      () => loadSiteConfig(file, { env: { NEWSDESK_TIME_ZONE: "Nowhere" } }),
      /NEWSDESK_TIME_ZONE \(timeZone\).*timeZone: must be an IANA/,
    );
    assert.throws(() => loadSiteConfig(join(tmp.dir, "missing.json"), { env: {} }), /missing\.json: no such file/);
  });

  test("imported section names map to the newsroom's sections", () => {
    const config = parseSiteConfig({
      name: "X",
      sections: [
        { name: "Politics", from: ["UK Politics", "politics"] },
        { name: "Fact check", slug: "fact-check", from: ["factcheck"] },
      ],
    });
    assert.equal(mapSection(config, "UK Politics"), "Politics");
    assert.equal(mapSection(config, "uk politics"), "Politics");
    assert.equal(mapSection(config, "fact check"), "Fact check");
    assert.equal(mapSection(config, "Business"), "Business");
  });

  test("`serve --config` with a bad file exits 1 with one line naming the file and field, no stack trace", (t) => {
    const tmp = tempSqlitePath();
    t.after(() => tmp.cleanup());
    const file = join(tmp.dir, "bad.config.json");
    writeFileSync(file, JSON.stringify({ name: "The Ledger", timeZone: "Europe/Londn" }));
    const run = spawnSync(process.execPath, [bin, "serve", "--port", "0", "--db", tmp.path, "--config", file], {
      encoding: "utf8",
      cwd: tmp.dir,
      timeout: 60_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /bad\.config\.json: timeZone: must be an IANA time zone such as Europe\/London/);
    assert.doesNotMatch(run.stderr, /at .*\.ts:\d+/);
  });

  test("`import --config` files imported sections under the mapped section", (t) => {
    const tmp = tempSqlitePath();
    t.after(() => tmp.cleanup());
    const file = join(tmp.dir, "newsdesk.config.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "The Ledger",
        sections: [{ name: "UK Politics", slug: "uk-politics", from: ["politics"] }],
      }),
    );
    const run = spawnSync(
      process.execPath,
      [bin, "import", "--db", tmp.path, "--config", file, join(POLITICS, "001.txt")],
      {
        encoding: "utf8",
        cwd: tmp.dir,
        timeout: 60_000,
      },
    );
    assert.equal(run.status, 0, run.stderr);
    const shown = spawnSync(process.execPath, [bin, "search", "--db", tmp.path, "maternity", "--json"], {
      encoding: "utf8",
      cwd: tmp.dir,
    });
    assert.match(shown.stdout, /"section":\s*"UK Politics"/);
  });
});

for (const engine of ENGINES) {
  describe(`a store of real articles shows only its config on ${engine}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let server: RunningServer;
    let articlePath = "";
    const NAME = "The Harbour Ledger";
    const DESCRIPTION = "Reporting from the coast since 1871";

    before(async () => {
      const t = await tempStore(engine);
      store = t.store;
      cleanup = t.cleanup;
      const files = [join(POLITICS, "001.txt"), join(POLITICS, "002.txt"), join(POLITICS, "003.txt")];
      const result = await importInputs(store, [REFERENCE_ARTICLE, ...files], { enrich: engine === "sqlite" });
      assert.equal(result.failed.length, 0, JSON.stringify(result.failed));
      const stored = await getArticle(store, result.ids[0]);
      assert.ok(stored);
      articlePath = `/news/${stored.article.section.toLowerCase().replace(/[^a-z0-9]+/g, "-")}/${stored.article.slug}`;
      server = await startServer({
        store,
        port: 0,
        config: parseSiteConfig({
          name: NAME,
          description: DESCRIPTION,
          logo: "/static/favicon.svg",
          footerLinks: [{ label: "About us", href: "/about" }],
          sections: [{ name: "Westminster", slug: "politics" }],
        }),
      });
    });
    after(async () => {
      await server.close();
      await cleanup();
    });

    test("every page type carries the configured name and no sample text", async () => {
      const pages = ["/", "/news/politics", "/search?q=maternity", "/no/such/page"];
      const article = await fetch(`${server.url}${articlePath}`, { redirect: "follow" });
      assert.equal(article.status, 200, articlePath);
      const articleHtml = await article.text();
      const person = /href="(\/people\/[^"]+)"/.exec(articleHtml)?.[1];
      const author = /href="(\/authors\/[^"]+)"/.exec(articleHtml)?.[1];
      const month = /datetime="(\d{4})-(\d{2})/.exec(articleHtml);
      if (person) pages.push(person);
      if (author) pages.push(author);
      if (month) pages.push(`/news/${month[1]}/${month[2]}`);
      for (const path of [articlePath, ...pages]) {
        const html = path === articlePath ? articleHtml : await (await fetch(`${server.url}${path}`)).text();
        assert.match(html, /<a class="brand" href="\/"><img class="brand-logo" src="\/static\/favicon.svg"/, path);
        assert.match(html, new RegExp(`<strong>${NAME}</strong> — ${DESCRIPTION}`), path);
        assert.match(html, /<a href="\/about">About us<\/a>/, path);
        assert.doesNotMatch(html, SAMPLE_TEXT, path);
      }
      // The configured display name of the section, in the navigation and as the page's heading.
      assert.match(await (await fetch(`${server.url}/news/politics`)).text(), /<h1>Westminster<\/h1>/);
    });

    test("every feed carries the configured name and description, and no sample text", async () => {
      for (const path of ["/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/feeds/politics/rss.xml"]) {
        const body = await (await fetch(`${server.url}${path}`)).text();
        assert.match(body, new RegExp(NAME), path);
        assert.doesNotMatch(body, SAMPLE_TEXT, path);
      }
      assert.match(
        await (await fetch(`${server.url}/feeds/rss.xml`)).text(),
        new RegExp(`<description>${DESCRIPTION}</description>`),
      );
    });
  });
}
