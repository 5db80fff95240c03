import { recognizeDocument } from "../ner/decode.ts";
import { defaultRecognizer } from "../ner/model.ts";
import { spansFromTags } from "../ner/spans.ts";
import type { TextUnit } from "../text-units.ts";
import { ORGANISATION_ENDINGS, TITLES } from "./lexicon.ts";

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

const PARTY_MEMBERS = /^(tory|tories|conservatives|lib dems|liberal democrats|democrats|republicans)$/i;

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
      const { unit, start } = owners[si];
      const u = units[unit];
      const first = u.tokens[start + span.start];
      const last = u.tokens[start + span.end - 1];
      const text = u.text.slice(first.start, last.end);
      // CoNLL calls party members MISC ("the Tories"); a party speaks, so it is an organisation here.
      if (span.type === "MISC" && !PARTY_MEMBERS.test(text)) continue;
      mentions.push({
        unit,
        tokenStart: start + span.start,
        tokenEnd: start + span.end,
        type: span.type === "MISC" ? "ORG" : (span.type as MentionType),
        text,
      });
    }
  });
  return mentions;
}

const possessive = (text: string) => text.toLowerCase().replace(/['’]s?$/, "");

/**
 * Corrections the tagger's sentence-by-sentence view misses: a name typed as a place in one
 * sentence ("Cameron rejects…") but a person elsewhere is the person; a "person" whose last
 * word is Group or Centre, or who runs straight into an organisation ("Simon" + "Wiesenthal
 * Center"), is an organisation.
 */
export function tidyMentions(units: readonly TextUnit[], mentions: readonly Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const next = mentions[i + 1];
    if (m.type === "PER" && next && next.unit === m.unit && next.tokenStart === m.tokenEnd && next.type === "ORG") {
      const u = units[m.unit];
      const text = u.text.slice(u.tokens[m.tokenStart].start, u.tokens[next.tokenEnd - 1].end);
      out.push({ ...next, tokenStart: m.tokenStart, text });
      i++;
      continue;
    }
    const parts = m.text.split(/\s+/);
    const last = parts[parts.length - 1].toLowerCase();
    // A name with no letters ("0.7-0.8") is no one's name.
    if (!/\p{L}/u.test(m.text)) continue;
    if (m.type === "PER" && ORGANISATION_ENDINGS.has(last) && parts.length > 1) out.push({ ...m, type: "ORG" });
    else if (
      m.type !== "PER" &&
      parts.length > 1 &&
      !parts.includes("and") &&
      TITLES.has(parts[0].toLowerCase()) &&
      /^\p{Lu}/u.test(parts[0])
    )
      // "Sir Alan Budd" is a person whatever the tagger thought.
      out.push({ ...m, type: "PER" });
    else out.push(m);
  }
  const people = new Set<string>();
  for (const m of out) {
    if (m.type !== "PER") continue;
    const parts = possessive(m.text).split(/\s+/);
    if (parts.length >= 2) people.add(parts[parts.length - 1]);
    people.add(parts.join(" "));
  }
  return out.map((m) => (m.type !== "PER" && people.has(possessive(m.text)) ? { ...m, type: "PER" as const } : m));
}
