import { escapeHtml } from "../../blocks/html.ts";
import type { Correction } from "../../model/article.ts";

/** Correction notices go to readers, so they travel in the body, after the story. */
export function correctionsToHtml(corrections: Correction[]): string {
  if (corrections.length === 0) return "";
  const items = corrections
    .map((c) => `<li><time datetime="${escapeHtml(c.at)}">${escapeHtml(c.at)}</time> ${escapeHtml(c.text)}</li>`)
    .join("");
  return `\n<aside class="corrections"><h2>Corrections</h2><ul>${items}</ul></aside>`;
}
