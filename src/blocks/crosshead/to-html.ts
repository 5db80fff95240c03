import { escapeHtml } from "../html.ts";
import type { CrossheadBlock } from "./schema.ts";

export function crossheadToHtml(b: CrossheadBlock): string {
  return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
}
