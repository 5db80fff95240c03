import { safeText, sanitizeInlineHtml } from "../../ingest/sanitize.ts";
import type { ParagraphBlock } from "./schema.ts";

/** A paragraph from its inner markup and its text (with line breaks); none when it has no text. */
export function paragraphFromHtml(html: string, text: string, base?: string): ParagraphBlock | undefined {
  const plain = safeText(text);
  if (!plain) return undefined;
  const block: ParagraphBlock = { type: "paragraph", text: plain };
  // Markup-free paragraphs (most of them) need no sanitizer pass and no `html`.
  if (!html.includes("<")) return block;
  const inline = sanitizeInlineHtml(html, base);
  if (/<[a-z]/.test(inline)) block.html = inline;
  return block;
}

/** Preformatted text keeps its line breaks, as one paragraph. */
export function preformattedFromHtml(text: string): ParagraphBlock | undefined {
  const plain = safeText(text, { keepNewlines: true });
  return plain ? { type: "paragraph", text: plain } : undefined;
}

/** A table's rows as paragraphs, cells joined by " | " (tables have no block type of their own). */
export function tableRowsFromHtml(table: Element, textOf: (node: Node) => string): ParagraphBlock[] {
  const rows: ParagraphBlock[] = [];
  for (const row of table.querySelectorAll("tr")) {
    const cells = [...row.children].map((c) => safeText(textOf(c))).filter(Boolean);
    if (cells.length) rows.push({ type: "paragraph", text: cells.join(" | ") });
  }
  return rows;
}
