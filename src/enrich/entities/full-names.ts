import type { TextUnit } from "../text-units.ts";
import { TITLES } from "./lexicon.ts";
import type { Mention } from "./mentions.ts";

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]*\p{Ll}(-\p{Lu}\p{Ll}+)?$/u;

/**
 * Full names the tagger cut short: "Chancellor Gordon" + untagged "Brown" is one name, and an
 * untagged "Al Aynsley-Green" is the person later called "Prof Aynsley-Green".
 */
export function completeNames(units: readonly TextUnit[], mentions: readonly Mention[]): Mention[] {
  const covered = units.map((u) => new Uint8Array(u.tokens.length));
  for (const m of mentions) covered[m.unit].fill(1, m.tokenStart, m.tokenEnd);
  const sentenceStart = units.map((u) => {
    const starts = new Uint8Array(u.tokens.length + 1);
    for (const s of u.sentences) starts[s.start] = 1;
    return starts;
  });
  const free = (ui: number, t: number) => {
    const w = units[ui].tokens[t]?.word;
    return w !== undefined && !covered[ui][t] && NAME_WORD.test(w) && !TITLES.has(w.toLowerCase());
  };
  const out: Mention[] = [];
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== "PER") {
      out.push(m);
      continue;
    }
    const u = units[m.unit];
    let n = m;
    if (free(m.unit, m.tokenEnd) && !free(m.unit, m.tokenEnd + 1) && m.tokenEnd - m.tokenStart <= 2) {
      covered[m.unit][m.tokenEnd] = 1;
      n = {
        ...m,
        tokenEnd: m.tokenEnd + 1,
        text: u.text.slice(u.tokens[m.tokenStart].start, u.tokens[m.tokenEnd].end),
      };
    }
    const parts = n.text.split(/\s+/);
    const last = parts[parts.length - 1];
    if (parts.length >= 2 || TITLES.has(parts[0].toLowerCase())) surnames.add(last);
    out.push(n);
  }
  if (surnames.size === 0) return out;
  units.forEach((u, ui) => {
    for (let t = 1; t < u.tokens.length; t++) {
      if (!surnames.has(u.tokens[t].word) || covered[ui][t] || sentenceStart[ui][t - 1]) continue;
      if (!free(ui, t - 1) || free(ui, t - 2) || free(ui, t + 1)) continue;
      out.push({
        unit: ui,
        tokenStart: t - 1,
        tokenEnd: t + 1,
        type: "PER",
        text: u.text.slice(u.tokens[t - 1].start, u.tokens[t].end),
      });
      covered[ui].fill(1, t - 1, t + 1);
    }
  });
  return out.sort((a, b) => a.unit - b.unit || a.tokenStart - b.tokenStart);
}
