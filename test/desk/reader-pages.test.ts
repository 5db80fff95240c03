import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type DeskSite, startDeskSite } from "./support.ts";

/** Reader pages stay as they were: no desk script or stylesheet reaches a reader. */
let site: DeskSite;
before(async () => {
  site = await startDeskSite("sqlite");
});
after(() => site.close());

test("no reader page references the desk's JavaScript or CSS", async () => {
  const home = await (await fetch(`${site.url}/`)).text();
  const article = /href="(\/news\/[^"/]+\/[^"]+)"/.exec(home)?.[1];
  assert.ok(article, "the home page links an article");
  const section = /href="(\/news\/[^"/]+)"/.exec(home)?.[1];
  for (const path of ["/", article, section!, "/search?q=council"]) {
    const response = await fetch(`${site.url}${path}`);
    assert.equal(response.status, 200, path);
    const html = await response.text();
    assert.doesNotMatch(html, /\/desk\//, `${path} mentions /desk/`);
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    for (const src of [...scripts, ...styles]) assert.match(src, /^\/static\//, `${path}: ${src}`);
  }
});

test("the desk is its own bundle, served only under /desk", async () => {
  const js = await fetch(`${site.url}/desk/assets/desk.js`);
  assert.equal(js.status, 200);
  assert.match(js.headers.get("content-type") ?? "", /javascript/);
  assert.ok((await js.arrayBuffer()).byteLength > 10_000);
  // Signed out, the desk pages send people to the sign-in page.
  const desk = await fetch(`${site.url}/desk`, { redirect: "manual" });
  assert.equal(desk.status, 303);
  assert.equal(desk.headers.get("location"), "/desk/login");
});
