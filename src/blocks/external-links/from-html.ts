import { safeText } from "../../ingest/sanitize.ts";
import { boxTitleOf, linkItemsOf, textOf } from "../dom.ts";
import { EXTERNAL_LINKS_DISCLAIMER, EXTERNAL_LINKS_TITLE, type ExternalLinksBlock } from "./schema.ts";

/** `<aside class="external-links">` as the export writes it: a heading, links and a disclaimer. */
export function externalLinksFromHtml(aside: Element, base?: string): ExternalLinksBlock {
  const disclaimer = aside.querySelector(".disclaimer");
  return {
    type: "external-links",
    title: boxTitleOf(aside) || EXTERNAL_LINKS_TITLE,
    items: linkItemsOf(aside, base).map(({ title, url }) => ({ title, url })),
    disclaimer: (disclaimer && safeText(textOf(disclaimer))) || EXTERNAL_LINKS_DISCLAIMER,
  };
}
