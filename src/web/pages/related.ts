import type { Block } from "../../blocks/block.ts";
import type { RelatedStoriesBlock } from "../../blocks/related-stories/schema.ts";
import type { RelatedStory } from "../../enrich/related/related.ts";
import { articlePath } from "../urls.ts";

/**
 * "More on this story" from the archive when the newsroom gave none: an empty related-stories
 * block (links lost in copying) is filled, and an article without one gets one before its
 * external links. An editor's own list is left as it is.
 */
export function withComputedRelated(blocks: Block[], related: RelatedStory[]): Block[] {
  if (related.length === 0) return blocks;
  const items = related.map((r) => ({ title: r.headline, url: articlePath(r), articleId: r.id }));
  const computed: RelatedStoriesBlock = { type: "related-stories", title: "More on this story", items };
  const own = blocks.findIndex((b) => b.type === "related-stories");
  if (own !== -1) {
    const block = blocks[own] as RelatedStoriesBlock;
    if (block.items.length > 0) return blocks;
    return blocks.map((b, i) => (i === own ? { ...computed, title: block.title } : b));
  }
  const external = blocks.findIndex((b) => b.type === "external-links");
  const at = external === -1 ? blocks.length : external;
  return [...blocks.slice(0, at), computed, ...blocks.slice(at)];
}
