import type { QuoteBlock } from "./schema.ts";

export function quoteText(b: QuoteBlock): string {
  return b.text;
}
