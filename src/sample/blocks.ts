import type { Block } from "../model/blocks.ts";

/**
 * Short constructors for writing the sample newsroom by hand. Related stories name other sample
 * articles by id; seeding fills in their headlines and URLs.
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

export type SampleBlock = Block | { type: "related-sample"; ids: string[] };

export const p = (text: string): Block => ({ type: "paragraph", text });

export const h = (text: string, level: 2 | 3 = 2): Block => ({ type: "crosshead", text, level });

export const q = (text: string, speaker: string): Block => ({ type: "quote", text, speaker, pull: false });

export const pull = (text: string, speaker: string): Block => ({ type: "quote", text, speaker, pull: true });

export const video = (caption: string, durationSeconds?: number): Block => ({
  type: "media",
  kind: "video",
  caption,
  sources: [],
  durationSeconds,
  fallbackText: "Media playback is unsupported on your device",
});

export const audio = (caption: string, src: string, durationSeconds?: number): Block => ({
  type: "media",
  kind: "audio",
  caption,
  sources: [{ src, mimeType: "audio/wav" }],
  durationSeconds,
  fallbackText: "Media playback is unsupported on your device",
});

export const image = (file: string, alt: string, caption: string, credit: string): Block => ({
  type: "image",
  src: `/static/images/${file}`,
  alt,
  caption,
  credit,
  width: 800,
  height: 450,
  sizes: [],
});

export const list = (items: string[], ordered = false): Block => ({ type: "list", ordered, items });

export const embed = (url: string, provider: string, title: string, html: string): Block => ({
  type: "embed",
  url,
  provider,
  title,
  html,
});

export const related = (...ids: string[]): SampleBlock => ({ type: "related-sample", ids });

export const links = (...items: [title: string, url: string][]): Block => ({
  type: "external-links",
  title: "Related Internet links",
  items: items.map(([title, url]) => ({ title, url })),
  disclaimer: "Newsdesk is not responsible for the content of external sites.",
});
