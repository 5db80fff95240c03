import { escapeHtml } from "../html.ts";
import type { ListBlock } from "./schema.ts";

export function listToHtml(b: ListBlock): string {
  const tag = b.ordered ? "ol" : "ul";
  return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${tag}>`;
}
