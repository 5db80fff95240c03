import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { tempSqlitePath } from "../support/stores.ts";

const bin = join(import.meta.dirname, "..", "..", "bin", "newsdesk.js");

test("`serve --workers 2` runs two processes on one port, fills the store once, and stops them all", async (t) => {
  const tmp = tempSqlitePath();
  t.after(() => tmp.cleanup());
  const child = spawn(process.execPath, [bin, "serve", "--sample", "--db", tmp.path, "--port", "0", "--workers", "2"], {
    cwd: tmp.dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = /at (http:\/\/\S+) with 2 processes/.exec(output);
      if (m) resolve(m[1]);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const workers = execFileSync("pgrep", ["-P", String(child.pid)], { encoding: "utf8" })
    .trim()
    .split("\n");
  assert.equal(workers.length, 2, "two server processes under the primary");
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${url}/news/politics`, { headers: { connection: "close" } });
    assert.equal(res.status, 200);
    await res.arrayBuffer();
  }
  const code = await new Promise<number | null>((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
  assert.equal(code, 0, output);
  assert.match(output, /added the sample newsroom \(30 articles\)/);
  assert.equal(output.match(/added the sample newsroom/g)?.length, 1, "the store is filled once");
});
