import type { ExternalLinksBlock } from "./schema.ts";

/** Links to other sites are navigation, not the article's text. */
export function externalLinksText(_b: ExternalLinksBlock): string {
  return "";
}
