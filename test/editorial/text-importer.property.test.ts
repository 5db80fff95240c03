import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { textImporter } from "../../src/ingest/text/text-importer.ts";
import { checkImporter, messyText, PROPERTY_RUNS, sourceOf } from "./property-support.ts";

test(`text importer: ${PROPERTY_RUNS} generated inputs give an article or a clear error`, {
  timeout: 120_000,
}, async () => {
  const copiedPage = fc
    .tuple(messyText, fc.array(messyText, { maxLength: 8 }), fc.option(fc.constantFrom("Politics", "Tech", "")))
    .map(([headline, paragraphs, section]) =>
      sourceOf("page.txt", [headline, ...paragraphs].join("\n\n"), section ?? undefined),
    );
  const sources = fc.oneof(
    copiedPage,
    messyText.map((t) => sourceOf("any.txt", t)),
    fc.uint8Array({ maxLength: 400 }).map((b) => sourceOf("bytes.txt", b)),
  );
  const outcome = await checkImporter(textImporter, sources);
  assert.ok(outcome.articles > PROPERTY_RUNS / 10, `most generated pages are articles (${outcome.articles})`);
});
