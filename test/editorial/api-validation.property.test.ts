import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { messyText, nastyFragment, PROPERTY_RUNS } from "./property-support.ts";
import { type ApiHarness, apiHarness } from "./support.ts";

/**
 * The editorial API's validation under generated bodies: every request gets a 201 with an article
 * or a 4xx naming each bad field; never a 500, never a stack trace.
 */
let store: Store;
let h: ApiHarness;
before(async () => {
  // In memory: this test is about validation, and 10,000 inputs should not wait on the disk.
  store = await openStore(":memory:");
  h = await apiHarness(store, { maxBodyBytes: 32 * 1024 });
});
after(async () => {
  await store.close();
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), messyText, nastyFragment);
const timestamp = fc.oneof(
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom("2026-02-30T00:00:00Z", "yesterday", "2026-01-01", "2026-01-01T10:00:00+25:00"),
);
const url = fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "data:text/html,x", "//evil", "/img.jpg", ""));
const block = fc.oneof(
  fc.record(
    { type: fc.constant("paragraph"), text: messyText, html: maybe(fc.oneof(messyText, nastyFragment)) },
    { requiredKeys: ["type"] },
  ),
  fc.record({
    type: fc.constant("crosshead"),
    text: messyText,
    level: maybe(fc.oneof(fc.constantFrom(2, 3), fc.integer())),
  }),
  fc.record({ type: fc.constant("quote"), text: messyText, speaker: maybe(messyText), pull: maybe(fc.boolean()) }),
  fc.record({ type: fc.constant("image"), src: url, alt: maybe(messyText), width: maybe(fc.integer()) }),
  fc.record({ type: fc.constant("list"), items: fc.array(messyText, { maxLength: 4 }), ordered: maybe(junk) }),
  fc.record({ type: fc.constant("embed"), url, html: maybe(fc.oneof(messyText, nastyFragment)) }),
  fc.record({
    type: fc.constant("media"),
    kind: fc.constantFrom("video", "audio", "film"),
    sources: fc.array(fc.record({ src: url, mimeType: fc.constantFrom("video/mp4", "text/html") }), { maxLength: 2 }),
  }),
  fc.record({ type: fc.string({ maxLength: 10 }) }),
  junk,
);
const articleBody = fc.record(
  {
    id: maybe(fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), junk)),
    slug: maybe(fc.oneof(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), junk)),
    section: fc.oneof(fc.constantFrom("World", "Business", "UK Politics"), messyText, junk),
    headline: fc.oneof(messyText, junk),
    summary: maybe(fc.oneof(messyText, junk)),
    byline: maybe(fc.oneof(fc.array(fc.record({ name: messyText, role: maybe(messyText) }), { maxLength: 2 }), junk)),
    language: maybe(fc.oneof(fc.constantFrom("en", "pt-BR", "ar", "e", "english"), junk)),
    direction: maybe(fc.constantFrom("ltr", "rtl", "up")),
    firstPublished: maybe(fc.oneof(timestamp, junk)),
    status: maybe(fc.constantFrom("draft", "published", "scheduled", "deleted", "live")),
    blocks: maybe(fc.oneof(fc.array(block, { maxLength: 5 }), junk)),
    tags: maybe(fc.oneof(fc.array(messyText, { maxLength: 4 }), junk)),
    corrections: maybe(fc.array(fc.record({ text: messyText, at: timestamp }), { maxLength: 1 })),
    sourceUrl: maybe(fc.oneof(url, fc.constant(null))),
  },
  { requiredKeys: [] },
);

test(`API validation: ${PROPERTY_RUNS} generated bodies give 201 or a field-level 4xx, never a 500`, {
  timeout: 120_000,
}, async () => {
  const counts = new Map<number, number>();
  const raw = fc.oneof(
    { weight: 8, arbitrary: articleBody.map((b) => JSON.stringify(b)) },
    { weight: 1, arbitrary: junk.map((j) => JSON.stringify(j) ?? "null") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  );
  await fc.assert(
    fc.asyncProperty(
      raw,
      fc.constantFrom("writer", "editor") as fc.Arbitrary<"writer" | "editor">,
      async (body, role) => {
        const res = await h.call("POST", "/api/articles", { role, raw: body });
        counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        const text = await res.text();
        assert.ok([201, 400, 403, 409, 413].includes(res.status), `status ${res.status}: ${text}`);
        assert.doesNotMatch(text, /\n\s+at /, "no stack trace");
        const json = JSON.parse(text) as { error?: { message: string; issues?: { path: string; message: string }[] } };
        if (res.status === 400) {
          assert.ok(json.error?.message);
          assert.ok(json.error.issues && json.error.issues.length > 0, text);
          for (const i of json.error.issues) assert.ok(typeof i.path === "string" && i.message.length > 0, text);
        }
      },
    ),
    { numRuns: PROPERTY_RUNS },
  );
  assert.ok((counts.get(201) ?? 0) > 0 && (counts.get(400) ?? 0) > 0, JSON.stringify([...counts]));
});
