import { safeText } from "../../ingest/sanitize.ts";
import { textOf } from "../dom.ts";
import type { CrossheadBlock } from "./schema.ts";

/** h1–h6 as a crosshead: h1 and h2 are level 2, the rest level 3. */
export function crossheadFromHtml(heading: Element): CrossheadBlock | undefined {
  const text = safeText(textOf(heading)).slice(0, 500);
  const t = heading.tagName.toLowerCase();
  return text ? { type: "crosshead", text, level: t === "h1" || t === "h2" ? 2 : 3 } : undefined;
}
