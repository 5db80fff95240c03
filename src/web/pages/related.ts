import type { Block } from "../../blocks/block.ts";
import type { RelatedStoriesBlock } from "../../blocks/related-stories/schema.ts";
import type { RelatedStory, SecondTier } from "../../enrich/related/related.ts";
import { articlePath } from "../urls.ts";

const items = (stories: RelatedStory[]) =>
  stories.map((r) => ({ title: r.headline, url: articlePath(r), articleId: r.id }));

/**
 * "More on this story" from the archive when the newsroom gave none: an empty related-stories
 * block (links lost in copying) is filled, and an article without one gets one before its
 * external links. An editor's own list is left as it is. The second tier ("More from <section> on
 * <entity>") follows the first as a block of its own, unless the editor gave a list.
 */
export function withComputedRelated(blocks: Block[], related: RelatedStory[], second?: SecondTier | null): Block[] {
  const own = blocks.findIndex((b) => b.type === "related-stories");
  if (own !== -1 && (blocks[own] as RelatedStoriesBlock).items.length > 0) return blocks;
  const tier: Block[] = [];
  if (related.length > 0)
    tier.push({
      type: "related-stories",
      title: own === -1 ? "More on this story" : (blocks[own] as RelatedStoriesBlock).title,
      items: items(related),
    });
  if (second && second.stories.length > 0)
    tier.push({ type: "related-stories", title: second.title, items: items(second.stories) });
  if (tier.length === 0) return blocks;
  if (own !== -1) return [...blocks.slice(0, own), ...tier, ...blocks.slice(own + 1)];
  const external = blocks.findIndex((b) => b.type === "external-links");
  const at = external === -1 ? blocks.length : external;
  return [...blocks.slice(0, at), ...tier, ...blocks.slice(at)];
}
