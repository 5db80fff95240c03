import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ninjsImporter } from "../../src/ingest/ninjs/ninjs-importer.ts";
import { checkImporter, messyText, PROPERTY_RUNS, sourceOf } from "./property-support.ts";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const anything = fc.oneof(
  messyText,
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
);

test(`ninjs importer: ${PROPERTY_RUNS} generated inputs give an article or a clear error`, {
  timeout: 120_000,
}, async () => {
  const roleValues = fc.array(fc.record({ role: maybe(fc.constantFrom("main", "short", "")), value: messyText }), {
    maxLength: 3,
  });
  const item = fc.record(
    {
      uri: fc.oneof(fc.webUrl(), fc.string(), anything),
      type: maybe(fc.constantFrom("text", "picture", "composite", "video")),
      language: maybe(fc.constantFrom("en", "pt-BR", "ar", "x", "")),
      headline: maybe(fc.oneof(messyText, anything)),
      headlines: maybe(roleValues),
      description_text: maybe(messyText),
      body_html: maybe(messyText.map((t) => `<p>${t}</p>`)),
      body_text: maybe(messyText),
      bodies: maybe(roleValues),
      versioncreated: maybe(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
        ),
      ),
      firstcreated: maybe(
        fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          anything,
        ),
      ),
      pubstatus: maybe(fc.constantFrom("usable", "withheld", "canceled", "other")),
      by: maybe(messyText),
      subject: maybe(fc.array(fc.record({ name: maybe(messyText), code: maybe(fc.string()) }), { maxLength: 3 })),
      associations: maybe(
        fc.dictionary(
          fc.string({ maxLength: 8 }),
          fc.record({
            type: maybe(fc.constantFrom("picture", "video")),
            uri: maybe(fc.webUrl()),
            headline: maybe(messyText),
          }),
          { maxKeys: 2 },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  const sources = fc.oneof(
    { weight: 5, arbitrary: item.map((i) => sourceOf("item.json", JSON.stringify(i))) },
    { weight: 1, arbitrary: fc.array(item, { maxLength: 3 }).map((a) => sourceOf("items.json", JSON.stringify(a))) },
    {
      weight: 1,
      arbitrary: fc
        .array(item, { minLength: 2, maxLength: 3 })
        .map((a) => sourceOf("items.jsonl", a.map((i) => JSON.stringify(i)).join("\n"))),
    },
    { weight: 1, arbitrary: item.map((i) => sourceOf("cut.json", JSON.stringify(i).slice(0, -3))) },
    {
      weight: 1,
      arbitrary: fc
        .jsonValue()
        .map((v) => sourceOf("json.json", `{"uri":"x","headline":${JSON.stringify(v) ?? "null"}}`)),
    },
  );
  const outcome = await checkImporter(ninjsImporter, sources);
  assert.ok(outcome.articles > 0 && outcome.errors > 0, JSON.stringify(outcome));
});
