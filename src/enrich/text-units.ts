import type { Article } from "../model/article.ts";
import { splitSentences, type Token, tokenize } from "./ner/tokenize.ts";

/** A piece of article text enrichment reads: the headline, a paragraph, a caption, … */
export interface TextUnit {
  kind: "headline" | "body" | "caption";
  /** Index into article.blocks; absent for the headline. */
  blockIndex?: number;
  text: string;
  tokens: Token[];
  /** Token index ranges [start, end) of the sentences. */
  sentences: { start: number; end: number }[];
}

function unit(kind: TextUnit["kind"], text: string, blockIndex?: number): TextUnit {
  const tokens = tokenize(text);
  const sentences: TextUnit["sentences"] = [];
  let at = 0;
  for (const s of splitSentences(tokens)) {
    sentences.push({ start: at, end: at + s.length });
    at += s.length;
  }
  return { kind, blockIndex, text, tokens, sentences };
}

/** The headline, the summary (unless the body repeats it), then every block with readable text. */
export function textUnits(article: Pick<Article, "headline" | "summary" | "blocks">): TextUnit[] {
  const units: TextUnit[] = [unit("headline", article.headline)];
  const summary = article.summary.trim();
  // Importers may lift the first paragraph into the summary; it is still part of the story.
  if (summary && !article.blocks.some((b) => b.type === "paragraph" && b.text.trim() === summary))
    units.push(unit("body", summary));
  article.blocks.forEach((b, i) => {
    switch (b.type) {
      case "paragraph":
      case "quote":
        units.push(unit("body", b.text, i));
        break;
      case "list":
        for (const item of b.items) units.push(unit("body", item, i));
        break;
      case "media":
        if (b.caption) units.push(unit("caption", b.caption, i));
        break;
      case "image":
        if (b.caption) units.push(unit("caption", b.caption, i));
        break;
      default:
        break;
    }
  });
  return units;
}
