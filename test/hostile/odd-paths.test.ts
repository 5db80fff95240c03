import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { type HostileSite, startHostileSite } from "./support.ts";

/** A GET with the path sent exactly as given (fetch would normalise "//"). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

// Finding 11: "//" paths are 404 pages whose canonical link stays on the site's own host.
describe("paths starting with //", () => {
  let s: HostileSite;
  before(async () => {
    s = await startHostileSite("sqlite");
  });
  after(() => s.close());

  for (const path of ["//", "///", "//evil.example/x"]) {
    test(`GET ${path}`, async () => {
      const res = await rawGet(s.server.url, path);
      assert.equal(res.status, 404);
      const canonical = /<link rel="canonical" href="([^"]*)"/.exec(res.body)?.[1];
      assert.ok(canonical, "the 404 page has a canonical link");
      assert.equal(new URL(canonical).host, new URL(s.server.url).host);
    });
  }
});
