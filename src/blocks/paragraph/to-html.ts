import { escapeHtml } from "../html.ts";
import type { ParagraphBlock } from "./schema.ts";

export function paragraphToHtml(b: ParagraphBlock): string {
  return `<p>${b.html ?? escapeHtml(b.text)}</p>`;
}
