import { associationName, attrs, escapeHtml } from "../html.ts";
import type { MediaBlock } from "./schema.ts";

export function mediaToHtml(b: MediaBlock, position: number): string {
  const ref = associationName("media", position);
  const sources = b.sources.map((s) => `<source${attrs({ src: s.src, type: s.mimeType })}>`).join("");
  const player = `<${b.kind} controls${attrs({ poster: b.poster, "data-duration": b.durationSeconds, "data-assoc-ref": ref })}>${sources}<p>${escapeHtml(b.fallbackText)}</p></${b.kind}>`;
  return `<figure class="media">${player}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
}
