import { safeText } from "../../ingest/sanitize.ts";
import { textOf } from "../dom.ts";
import type { ListBlock } from "./schema.ts";

/** ul, ol or dl: one item per child with text. */
export function listFromHtml(el: Element): ListBlock | undefined {
  const items = [...el.children].map((li) => safeText(textOf(li))).filter((s) => s.length > 0);
  return items.length ? { type: "list", ordered: el.tagName.toLowerCase() === "ol", items } : undefined;
}
