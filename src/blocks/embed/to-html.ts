import { attrs, escapeHtml } from "../html.ts";
import type { EmbedBlock } from "./schema.ts";

export function embedToHtml(b: EmbedBlock): string {
  const inner = b.html ?? `<a class="embed-link" href="${escapeHtml(b.url)}">${escapeHtml(b.title ?? b.url)}</a>`;
  return `<figure${attrs({ class: "embed", "data-url": b.url, "data-provider": b.provider, "data-title": b.title })}>${inner}</figure>`;
}
