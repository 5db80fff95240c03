import type { Block } from "../../blocks/block.ts";
import { fragmentToBlocks } from "../../blocks/from-html.ts";
import type { Correction } from "../../model/article.ts";
import { safeText } from "../sanitize.ts";

/**
 * Reads the body of a ninjs item into blocks with the shared converter (src/blocks/from-html.ts).
 * What is particular to a ninjs body is taken out first: the corrections box (not a block) and the
 * h1 and header, which repeat the item's headline.
 */

/** What the body carries besides blocks. */
export interface BodyExtras {
  corrections: Correction[];
}

export function htmlToBlocks(html: string, base?: string, extras?: BodyExtras): Block[] {
  return fragmentToBlocks(html, base, (body) => {
    for (const aside of body.querySelectorAll("aside.corrections")) {
      for (const li of aside.querySelectorAll("li")) {
        const time = li.querySelector("time");
        const at = time?.getAttribute("datetime");
        time?.remove();
        const text = safeText(li.textContent);
        if (at && text && !Number.isNaN(Date.parse(at))) extras?.corrections.push({ text, at });
      }
      aside.remove();
    }
    for (const el of body.querySelectorAll("h1, header")) el.remove();
  });
}

/** A plain-text body: paragraphs separated by blank lines (or by single newlines when there are none). */
export function textToBlocks(text: string): Block[] {
  const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split("\n");
  return parts
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .map((t) => ({ type: "paragraph" as const, text: t }));
}
