import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { htmlImporter } from "../../src/ingest/html/html-importer.ts";
import { checkImporter, messyText, nastyFragment, PROPERTY_RUNS, sourceOf } from "./property-support.ts";

const tag = fc.constantFrom(
  "p",
  "div",
  "article",
  "section",
  "h1",
  "h2",
  "span",
  "a",
  "em",
  "ul",
  "li",
  "figure",
  "img",
  "script",
  "style",
  "table",
  "td",
  "blockquote",
  "iframe",
  "video",
  "br",
  "nav",
  "header",
  "footer",
);
const attribute = fc.oneof(
  fc.constantFrom(
    'class="story-body"',
    'id="main"',
    'href="/a"',
    'src="x.jpg"',
    'onclick="alert(1)"',
    'href="javascript:alert(1)"',
    'lang="ar"',
    'dir="rtl"',
    'itemprop="headline"',
    "hidden",
  ),
  fc.string({ maxLength: 10 }).map((s) => `data-x="${s.replace(/"/g, "")}"`),
);

/** Random, often broken, HTML: nested elements with attributes, text and nasty fragments. */
const element: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    messyText,
    nastyFragment,
    fc
      .tuple(tag, fc.array(attribute, { maxLength: 3 }), fc.array(tie("node"), { maxLength: 4 }), fc.boolean())
      .map(
        ([t, attrs, children, close]) =>
          `<${t}${attrs.map((a) => ` ${a}`).join("")}>${children.join("")}${close ? `</${t}>` : ""}`,
      ),
  ),
})).node;

test(`HTML importer: ${PROPERTY_RUNS} generated pages give an article or a clear error`, {
  timeout: 180_000,
}, async () => {
  const head = fc.record({
    title: fc.option(messyText),
    meta: fc.array(
      fc.tuple(
        fc.constantFrom("og:title", "og:image", "article:published_time", "author", "description", "og:site_name"),
        messyText,
      ),
      { maxLength: 4 },
    ),
    lang: fc.option(fc.constantFrom("en", "ar", "pt-BR", "zz-!!")),
  });
  const page = fc.tuple(head, fc.array(element, { maxLength: 6 })).map(([h, body]) => {
    const metas = h.meta.map(([p, c]) => `<meta property="${p}" content="${c.replace(/"/g, "&quot;")}">`).join("");
    return `<!doctype html><html${h.lang ? ` lang="${h.lang}"` : ""}><head>${h.title !== null ? `<title>${h.title}</title>` : ""}${metas}</head><body>${body.join("")}</body></html>`;
  });
  const sources = fc.oneof(
    { weight: 6, arbitrary: page.map((p) => sourceOf("page.html", p)) },
    { weight: 1, arbitrary: page.map((p) => sourceOf("cut.html", p.slice(0, Math.floor(p.length / 2)))) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((b) => sourceOf("bytes.html", Buffer.concat([Buffer.from("<html>"), b]))),
    },
  );
  const outcome = await checkImporter(htmlImporter, sources);
  assert.ok(outcome.articles > 0 && outcome.errors > 0, JSON.stringify(outcome));
});
