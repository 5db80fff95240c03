import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, test } from "node:test";
import { runCli, spawnCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const tmp = tempSqlitePath();
after(() => tmp.cleanup());

/** Starts `newsdesk serve`, resolving with its URL and everything it wrote to stderr so far. */
function startServe(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; stderr: string }> {
  // Outside the checkout, so JSX must compile without the project's tsconfig.
  const run = spawnCli(["serve", "--port", "0", "--db", tmp.path, ...args], env, { cwd: tmp.dir });
  const { child } = run;
  let stderr = "";
  return new Promise((resolve, reject) => {
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout?.on("data", () => {
      const m = /at (http:\/\/\S+)/.exec(run.stdout());
      if (m) resolve({ child, url: m[1], stderr });
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

test("`serve --sample` fills an empty store once, serves it on --base-url, and stops cleanly", async () => {
  const first = await startServe(["--sample", "--base-url", "https://news.example.org/"]);
  try {
    assert.match(first.stderr, /added the sample newsroom \(30 articles\)/);
    const home = await fetch(first.url);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<link rel="canonical" href="https:\/\/news\.example\.org\/"\/>/);
    assert.match(
      await (await fetch(`${first.url}/robots.txt`)).text(),
      /Sitemap: https:\/\/news\.example\.org\/sitemap\.xml/,
    );
    // The editorial API is mounted: writes without a token are refused, not missing.
    const write = await fetch(`${first.url}/api/articles`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    assert.equal(write.status, 401);
  } finally {
    assert.equal(await stop(first.child), 0);
  }
  const second = await startServe(["--sample"], { NEWSDESK_BASE_URL: "https://env.example.org" });
  try {
    assert.doesNotMatch(second.stderr, /added the sample newsroom/);
    const page = await (await fetch(`${second.url}/news/politics`)).text();
    assert.match(page, /<link rel="canonical" href="https:\/\/env\.example\.org\/news\/politics"\/>/);
  } finally {
    assert.equal(await stop(second.child), 0);
  }
});

test("bad options are one-line errors, not stack traces", () => {
  for (const [args, message] of [
    [["--port", "http"], /--port must be a number from 0 to 65535; got "http"/],
    [["--port", "70000"], /--port must be a number/],
    [["--base-url", "news.example.org"], /--base-url must be an absolute http\(s\) URL/],
  ] as const) {
    const r = runCli(["serve", "--db", tmp.path, ...args]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});
