import { recognizeDocument } from "../ner/decode.ts";
import { defaultRecognizer } from "../ner/model.ts";
import { spansFromTags } from "../ner/spans.ts";
import type { TextUnit } from "../text-units.ts";

export type MentionType = "PER" | "ORG" | "LOC";

/** A name the recognizer found: tokens [tokenStart, tokenEnd) of one text unit. */
export interface Mention {
  unit: number;
  tokenStart: number;
  tokenEnd: number;
  type: MentionType;
  /** The name as written (curly apostrophes kept). */
  text: string;
}

/** Runs the tagger over the whole article as one document and returns PER/ORG/LOC names. */
export function findMentions(units: readonly TextUnit[]): Mention[] {
  const sentenceWords: string[][] = [];
  const owners: { unit: number; start: number }[] = [];
  units.forEach((u, ui) => {
    for (const s of u.sentences) {
      sentenceWords.push(u.tokens.slice(s.start, s.end).map((t) => t.word));
      owners.push({ unit: ui, start: s.start });
    }
  });
  const { model, gazetteer } = defaultRecognizer();
  const tags = recognizeDocument(model, gazetteer, sentenceWords);
  const mentions: Mention[] = [];
  tags.forEach((sentenceTags, si) => {
    for (const span of spansFromTags(sentenceTags)) {
      if (span.type === "MISC") continue;
      const { unit, start } = owners[si];
      const u = units[unit];
      const first = u.tokens[start + span.start];
      const last = u.tokens[start + span.end - 1];
      mentions.push({
        unit,
        tokenStart: start + span.start,
        tokenEnd: start + span.end,
        type: span.type as MentionType,
        text: u.text.slice(first.start, last.end),
      });
    }
  });
  return mentions;
}
