import type { Block } from "../blocks/block.ts";
import type { RelatedSample } from "../blocks/related-stories/sample.ts";

/**
 * The shape of a hand-written sample article. Each block type's short constructor lives in its
 * folder (src/blocks/<type>/sample.ts).
 */

export interface SampleArticle {
  id: string;
  section: string;
  headline: string;
  summary: string;
  byline: { name: string; role?: string }[];
  /** Written as fixed times; seeding moves them so the newest story is recent. */
  published: string;
  updated?: string;
  blocks: SampleBlock[];
  people: string[];
  organisations: string[];
  places: string[];
  tags?: string[];
}

export type SampleBlock = Block | RelatedSample;
