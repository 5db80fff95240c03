import { type Article, entityTag } from "../../model/article.ts";
import { tagKey } from "../cache/render-cache.ts";

/** The tag keys of an article's own page: one per person, organisation and place it names. */
export function articleTagKeys(article: Pick<Article, "people" | "organisations" | "places">): string[] {
  const keys = new Set<string>();
  for (const [kind, list] of [
    ["person", article.people],
    ["organisation", article.organisations],
    ["place", article.places],
  ] as const) {
    for (const e of list) {
      const tag = entityTag(e.name);
      if (tag) keys.add(tagKey(kind, tag));
    }
  }
  return [...keys];
}
