import type { RelatedStoriesBlock } from "./schema.ts";

/** Links to other stories are navigation, not the article's text. */
export function relatedStoriesText(_b: RelatedStoriesBlock): string {
  return "";
}
