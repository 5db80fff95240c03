import { type Article, entityTag } from "../../model/article.ts";
import type { Block } from "../block.ts";

export interface Speaker {
  name: string;
  /** The person's tag when the article names them, so their page exists; else null. */
  tag: string | null;
}

/**
 * Who said each quote block: its own speaker, else the one enrichment found for that block.
 * Keyed by block object, so blocks added around them later (computed related stories) do not
 * shift the answer.
 */
export function quoteSpeakers(article: Pick<Article, "blocks" | "quotes" | "people">): Map<Block, Speaker> {
  const people = new Set(article.people.map((p) => entityTag(p.name)));
  const found = new Map<number, string>();
  for (const q of article.quotes) {
    if (q.speaker && q.blockIndex !== undefined && !found.has(q.blockIndex)) found.set(q.blockIndex, q.speaker);
  }
  const out = new Map<Block, Speaker>();
  article.blocks.forEach((block, i) => {
    if (block.type !== "quote") return;
    const name = block.speaker ?? found.get(i);
    if (!name) return;
    const tag = entityTag(name);
    out.set(block, { name, tag: people.has(tag) ? tag : null });
  });
  return out;
}
