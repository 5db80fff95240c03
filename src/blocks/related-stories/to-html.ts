import { linkBoxHtml } from "../html.ts";
import type { RelatedStoriesBlock } from "./schema.ts";

export function relatedStoriesToHtml(b: RelatedStoriesBlock): string {
  return linkBoxHtml("related-stories", b.title, b.items);
}
