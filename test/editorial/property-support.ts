import assert from "node:assert/strict";
import fc from "fast-check";
import { ImportError, type Importer, type Source } from "../../src/ingest/importer.ts";
import { parseArticle, ValidationError } from "../../src/model/article.ts";

/** How many generated inputs each property test tries (the issue asks for at least 10,000). */
export const PROPERTY_RUNS = Number(process.env.NEWSDESK_PROPERTY_RUNS ?? 10_000);

/** Markup and text fragments that break naive parsers: XSS, entities, odd scripts, control bytes. */
export const nastyFragment = fc.constantFrom(
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "<svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "<!-- -->",
  "<![CDATA[x]]>",
  "&amp;&lt;&#0;&#x110000;&bogus;",
  "\u0000\u0001\u001f\u007f",
  "\ufeff",
  "\u202e\u200b",
  "مرحبا بالعالم",
  "日本語のテキスト",
  "💥🏳️‍🌈",
  "\r\n\r\n",
  "\t  \n",
  "</p></div></body></html>",
  "<p><p><p>",
  "\"'`",
  "{",
  "[",
  "}",
  "null",
  "BBC News",
  "Business",
  "Published: 2005-02-03",
  "By Ada Quill",
  '"We will see," she said.',
  "- item\n- item",
  "1. one\n2. two",
);

/** Text built from ordinary words, nasty fragments and arbitrary code points. */
export const messyText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.lorem({ maxCount: 12 }) },
      { weight: 2, arbitrary: nastyFragment },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      { weight: 2, arbitrary: fc.constantFrom("\n", "\n\n", " ", ". ") },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

export function sourceOf(name: string, bytes: Uint8Array | string, defaultSection?: string): Source {
  return {
    name,
    bytes: typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes),
    defaultSection,
    baseUrl: "https://example.org/news/",
  };
}

export interface Outcome {
  articles: number;
  errors: number;
}

/**
 * The property: parsing gives articles that pass the model, or throws an ImportError or a
 * ValidationError with a message; anything else (TypeError, RangeError, a hang) is a bug.
 */
export async function checkImporter(importer: Importer, sources: fc.Arbitrary<Source>): Promise<Outcome> {
  const outcome: Outcome = { articles: 0, errors: 0 };
  await fc.assert(
    fc.asyncProperty(sources, async (source) => {
      try {
        const inputs = await importer.parse(source);
        for (const input of inputs) parseArticle(input, source.name);
        outcome.articles += inputs.length;
      } catch (error) {
        if (!(error instanceof ImportError || error instanceof ValidationError)) throw error;
        assert.ok(error.message.trim().length > 0, "an error says what is wrong");
        outcome.errors++;
      }
    }),
    { numRuns: PROPERTY_RUNS },
  );
  return outcome;
}
