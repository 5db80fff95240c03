import type { ParagraphBlock } from "./schema.ts";

export function paragraphText(b: ParagraphBlock): string {
  return b.text;
}
