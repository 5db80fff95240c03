import { linkBoxHtml } from "../html.ts";
import type { ExternalLinksBlock } from "./schema.ts";

export function externalLinksToHtml(b: ExternalLinksBlock): string {
  return linkBoxHtml("external-links", b.title, b.items, b.disclaimer);
}
