import { escapeHtml } from "../html.ts";
import type { QuoteBlock } from "./schema.ts";

export function quoteToHtml(b: QuoteBlock): string {
  const cite = b.speaker !== undefined ? `<footer><cite>${escapeHtml(b.speaker)}</cite></footer>` : "";
  return `<blockquote${b.pull ? ' class="pull-quote"' : ""}><p>${escapeHtml(b.text)}</p>${cite}</blockquote>`;
}
