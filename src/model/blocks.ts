import { z } from "zod";

/**
 * The typed blocks an article body is made of. One discriminated union keyed by `type`;
 * each block type has one renderer in src/web/blocks and every importer produces only these.
 * Text fields hold plain text; `html` fields hold sanitized inline markup (a, em, strong, …).
 */

export const MEDIA_FALLBACK_TEXT = "Media playback is unsupported on your device";
export const EXTERNAL_LINKS_DISCLAIMER = "Newsdesk is not responsible for the content of external sites.";

const url = z.string().min(1).max(4096);

export const paragraphBlock = z.object({
  type: z.literal("paragraph"),
  text: z.string().min(1),
  /** Inline markup (links, emphasis), already sanitized; `text` is its plain-text form. */
  html: z.string().optional(),
});

export const crossheadBlock = z.object({
  type: z.literal("crosshead"),
  text: z.string().min(1).max(500),
  level: z.union([z.literal(2), z.literal(3)]).default(2),
});

export const quoteBlock = z.object({
  type: z.literal("quote"),
  text: z.string().min(1),
  /** Canonical name of who said it, when known. */
  speaker: z.string().min(1).optional(),
  /** A pull quote repeats words from the body as a visual element. */
  pull: z.boolean().default(false),
});

export const mediaSource = z.object({
  src: url,
  mimeType: z.string().regex(/^(video|audio|application)\/[\w.+-]+/, "must be a MIME type such as video/mp4"),
});

export const mediaBlock = z.object({
  type: z.literal("media"),
  kind: z.enum(["video", "audio"]),
  caption: z.string().default(""),
  poster: url.optional(),
  sources: z.array(mediaSource).default([]),
  durationSeconds: z.number().nonnegative().optional(),
  /** Shown where the device cannot play the media. */
  fallbackText: z.string().default(MEDIA_FALLBACK_TEXT),
});

export const imageSize = z.object({ src: url, width: z.number().int().positive() });

export const imageBlock = z.object({
  type: z.literal("image"),
  /** Absent when only the caption survived, as in a page copied as text ("Image caption …"). */
  src: url.optional(),
  alt: z.string().default(""),
  caption: z.string().optional(),
  credit: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Alternative renditions for srcset. */
  sizes: z.array(imageSize).default([]),
});

export const listBlock = z.object({
  type: z.literal("list"),
  ordered: z.boolean().default(false),
  items: z.array(z.string().min(1)).min(1),
});

export const embedBlock = z.object({
  type: z.literal("embed"),
  url,
  provider: z.string().optional(),
  title: z.string().optional(),
  /** Sanitized markup for the embed; rendered inside a sandboxed frame, never inline. */
  html: z.string().optional(),
});

export const linkItem = z.object({
  title: z.string().min(1),
  url,
});

export const relatedStoriesBlock = z.object({
  type: z.literal("related-stories"),
  title: z.string().default("More on this story"),
  items: z.array(linkItem.extend({ articleId: z.string().optional() })).default([]),
});

export const externalLinksBlock = z.object({
  type: z.literal("external-links"),
  title: z.string().default("Related Internet links"),
  items: z.array(linkItem).default([]),
  disclaimer: z.string().default(EXTERNAL_LINKS_DISCLAIMER),
});

export const block = z.discriminatedUnion("type", [
  paragraphBlock,
  crossheadBlock,
  quoteBlock,
  mediaBlock,
  imageBlock,
  listBlock,
  embedBlock,
  relatedStoriesBlock,
  externalLinksBlock,
]);

export type Block = z.infer<typeof block>;
export type BlockType = Block["type"];
export type ParagraphBlock = z.infer<typeof paragraphBlock>;
export type CrossheadBlock = z.infer<typeof crossheadBlock>;
export type QuoteBlock = z.infer<typeof quoteBlock>;
export type MediaBlock = z.infer<typeof mediaBlock>;
export type ImageBlock = z.infer<typeof imageBlock>;
export type ListBlock = z.infer<typeof listBlock>;
export type EmbedBlock = z.infer<typeof embedBlock>;
export type RelatedStoriesBlock = z.infer<typeof relatedStoriesBlock>;
export type ExternalLinksBlock = z.infer<typeof externalLinksBlock>;

/** Plain text of a block, for search, enrichment and summaries. */
export function blockText(b: Block): string {
  switch (b.type) {
    case "paragraph":
    case "crosshead":
    case "quote":
      return b.text;
    case "media":
      return b.caption;
    case "image":
      return b.caption ?? "";
    case "list":
      return b.items.join("\n");
    case "embed":
      return b.title ?? "";
    case "related-stories":
    case "external-links":
      return "";
  }
}
