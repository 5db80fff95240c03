import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ENGINES } from "../support/stores.ts";
import { type HostileSite, startHostileSite, story } from "./support.ts";

interface Created {
  article: { slug: string; headline: string; section: string };
}

// Finding 14: non-Latin sections keep their own slugs; invisible headlines are refused; bidi
// overrides are stripped.
for (const engine of ENGINES) {
  describe(`unicode sections and headlines on ${engine}`, () => {
    let s: HostileSite;
    before(async () => {
      s = await startHostileSite(engine);
    });
    after(() => s.close());

    const create = (id: string, extra: Record<string, unknown>) =>
      s.call("POST", "/api/articles", { role: "editor", body: story(id, { status: "published", ...extra }) });

    test("Политика, العربية and Article are three sections with their own fronts", async () => {
      const made: Record<string, string> = {};
      for (const [id, section, headline] of [
        ["u1", "Политика", "Выборы в городе"],
        ["u2", "العربية", "خبر عاجل"],
        ["u3", "Article", "An English story"],
      ]) {
        const res = await create(id, { section, headline });
        assert.equal(res.status, 201, await res.clone().text());
        made[id] = ((await res.json()) as Created).article.slug;
      }
      assert.equal(made.u1, "выборы-в-городе");
      const sections = (await s.store.site.sections()).map((x) => x.slug).sort();
      assert.deepEqual(sections, ["article", "العربية", "политика"].sort());
      const politics = await s.get(`/news/${encodeURIComponent("политика")}`);
      assert.equal(politics.status, 200);
      const html = await politics.text();
      assert.match(html, /Выборы в городе/);
      assert.doesNotMatch(html, /An English story/);
      const page = await s.get(`/news/${encodeURIComponent("политика")}/${encodeURIComponent(made.u1)}`);
      assert.equal(page.status, 200);
    });

    test("a section or headline of only invisible characters is refused", async () => {
      for (const body of [{ section: "\u200D" }, { headline: "\u200B\u200D\u2060" }, { headline: "\u202E" }]) {
        const res = await create(`inv${Object.keys(body)[0]}${Math.random().toString(36).slice(2, 6)}`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(((await res.json()) as { error: { message: string } }).error.message, /visible|empty/);
      }
    });

    test("right-to-left overrides are stripped from headlines", async () => {
      const res = await create("rlo1", { headline: "Harbour \u202Eevol\u202C plan" });
      assert.equal(res.status, 201);
      assert.equal((await s.store.articles.get("rlo1"))?.article.headline, "Harbour evol plan");
    });
  });
}
