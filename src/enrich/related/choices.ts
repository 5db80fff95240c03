import type { Repositories } from "../../store/store.ts";
import { type RelatedStory, relatedFor } from "./related.ts";

/** One editor's pin or exclusion, with the other story's headline for people to read. */
export interface RelatedChoice {
  id: string;
  action: "pin" | "exclude";
  headline: string;
}

/** What the desk and `GET /api/articles/:id/related` show: the site's list and the editors' choices. */
export async function relatedChoices(
  store: Repositories,
  articleId: string,
): Promise<{ related: RelatedStory[]; choices: RelatedChoice[] }> {
  const [related, overrides] = await Promise.all([relatedFor(store, articleId), store.related.overrides(articleId)]);
  const choices: RelatedChoice[] = [];
  for (const o of overrides) {
    const other = await store.articles.get(o.otherId);
    choices.push({ id: o.otherId, action: o.action, headline: other?.article.headline ?? o.otherId });
  }
  return { related, choices };
}
