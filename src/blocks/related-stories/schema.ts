import { z } from "zod";
import { linkItem } from "../fields.ts";

export const RELATED_STORIES_TITLE = "More on this story";

export const relatedStoriesBlock = z.object({
  type: z.literal("related-stories"),
  title: z.string().default(RELATED_STORIES_TITLE),
  items: z.array(linkItem.extend({ articleId: z.string().optional() })).default([]),
});

export type RelatedStoriesBlock = z.infer<typeof relatedStoriesBlock>;
