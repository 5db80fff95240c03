import { boxTitleOf, linkItemsOf } from "../dom.ts";
import { RELATED_STORIES_TITLE, type RelatedStoriesBlock } from "./schema.ts";

/** `<aside class="related-stories">` as the export writes it: a heading and a list of links. */
export function relatedStoriesFromHtml(aside: Element, base?: string): RelatedStoriesBlock {
  return {
    type: "related-stories",
    title: boxTitleOf(aside) || RELATED_STORIES_TITLE,
    items: linkItemsOf(aside, base),
  };
}
