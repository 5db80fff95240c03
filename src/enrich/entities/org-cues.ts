import type { TextUnit } from "../text-units.ts";
import type { Mention } from "./mentions.ts";

/** Lowercase words that describe a company right before its name: "marketing company Doubleclick". */
const COMPANY_BEFORE = new Set([
  "company",
  "firm",
  "group",
  "giant",
  "retailer",
  "bank",
  "carrier",
  "airline",
  "insurer",
]);
/** …or any organisation: "state statistics body INSEE". */
const BODY_BEFORE = new Set([...COMPANY_BEFORE, "body", "agency", "regulator", "watchdog"]);
/** Capitalised last words of a public body's name: "the Scottish Executive". */
const BODY_ENDINGS = new Set([
  "Executive",
  "Office",
  "Department",
  "Ministry",
  "Commission",
  "Committee",
  "Council",
  "Assembly",
]);

/** Words that join the parts of a long organisation name: "Department for Education and Skills". */
const JOINERS = new Set(["for", "of", "and", "&"]);

/** Words after a bare name that make it an organisation: "a Marsh spokeswoman", "the Clinton administration". */
const STAFF_AFTER = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "administration",
  "shares",
  "executives",
  "staff",
  "employees",
  "senior",
  "subsidiary",
  "bosses",
]);

/** Letters after a name that are not part of it: "Paul Boateng MP". */
const POST_NOMINALS = new Set(["MP", "MSP", "MEP", "AM", "QC"]);

/** Role words right before a name that make it a person: "union official Ulf Carlsson". */
const PERSON_BEFORE = new Set([
  "official",
  "executive",
  "secretary",
  "spokesman",
  "spokeswoman",
  "chairman",
  "analyst",
]);

const words = (u: TextUnit, from: number, to: number) => u.text.slice(u.tokens[from].start, u.tokens[to - 1].end);

/**
 * Organisation cues veto a one-word "person" everywhere in the article (a company named once in
 * a company context is a company throughout); post-nominals and leading "MSP" are cut; a
 * two- or three-word name after a person's role is a person.
 */
export function applyOrganisationCues(units: readonly TextUnit[], mentions: readonly Mention[]): Mention[] {
  const orgWords = new Set<string>();
  const vetoed = new Set<string>();
  // A surname of someone named in full is a person even if a company shares it.
  const surnames = new Set<string>();
  for (const m of mentions) {
    const parts = m.text.split(/\s+/);
    if (m.type === "PER" && parts.length >= 2) surnames.add(parts[parts.length - 1].toLowerCase());
  }
  for (const m of mentions) {
    if (m.type === "ORG") for (const w of m.text.split(/\s+/)) if (/^\p{Lu}/u.test(w)) orgWords.add(w.toLowerCase());
  }
  const covered = units.map((u) => new Uint8Array(u.tokens.length));
  for (const m of mentions) covered[m.unit].fill(1, m.tokenStart, m.tokenEnd);
  const out: Mention[] = [];
  const single = new Set<string>();
  for (const m of mentions) {
    const u = units[m.unit];
    const before = u.tokens[m.tokenStart - 1]?.word ?? "";
    let n = m;
    const first = u.tokens[m.tokenStart].word;
    if (POST_NOMINALS.has(first) && m.tokenEnd - m.tokenStart >= 3) {
      n = { ...m, type: "PER", tokenStart: m.tokenStart + 1, text: words(u, m.tokenStart + 1, m.tokenEnd) };
    } else if (n.type === "PER" && POST_NOMINALS.has(u.tokens[m.tokenEnd - 1].word) && m.tokenEnd - m.tokenStart >= 3) {
      n = { ...m, tokenEnd: m.tokenEnd - 1, text: words(u, m.tokenStart, m.tokenEnd - 1) };
    } else if (
      n.type === "ORG" &&
      PERSON_BEFORE.has(before) &&
      m.tokenEnd - m.tokenStart <= 3 &&
      m.tokenEnd - m.tokenStart >= 2 &&
      u.tokens.slice(m.tokenStart, m.tokenEnd).every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.word))
    ) {
      n = { ...m, type: "PER" };
    }
    if (n.type !== "ORG" && n.tokenEnd - n.tokenStart === 1 && BODY_BEFORE.has(before) && /^\p{Lu}/u.test(n.text))
      n = { ...n, type: "ORG" };
    if (n.type === "ORG") n = extendLeft(u, n, covered[m.unit]);
    if (n.type === "PER" && n.tokenEnd - n.tokenStart === 1 && !surnames.has(n.text.toLowerCase())) {
      single.add(n.text);
      if (orgWords.has(n.text.toLowerCase())) vetoed.add(n.text.toLowerCase());
    }
    out.push(n);
  }
  // The cue may sit at another, untagged, occurrence of the name; such occurrences name it too.
  const untagged: Mention[] = [];
  if (single.size > 0)
    units.forEach((u, ui) => {
      u.tokens.forEach((tok, t) => {
        if (!single.has(tok.word)) return;
        const before = u.tokens[t - 1]?.word ?? "";
        const after = u.tokens[t + 1]?.word ?? "";
        if (COMPANY_BEFORE.has(before) || STAFF_AFTER.has(after) || before === "&" || after === "&")
          vetoed.add(tok.word.toLowerCase());
        if (!covered[ui][t]) untagged.push({ unit: ui, tokenStart: t, tokenEnd: t + 1, type: "PER", text: tok.word });
      });
    });
  for (const m of untagged) if (vetoed.has(m.text.toLowerCase())) out.push(m);
  const bodies = untaggedBodies(units, covered);
  out.push(...bodies);
  if (untagged.length > 0 || bodies.length > 0) out.sort((a, b) => a.unit - b.unit || a.tokenStart - b.tokenStart);
  return out.map((m) =>
    m.type === "PER" && m.tokenEnd - m.tokenStart === 1 && vetoed.has(m.text.toLowerCase())
      ? { ...m, type: "ORG" as const }
      : m,
  );
}

/** "Department for Education and" + tagged "Skills": the whole name, while capitals and joiners alternate. */
function extendLeft(u: TextUnit, m: Mention, covered: Uint8Array): Mention {
  let start = m.tokenStart;
  while (
    start >= 2 &&
    JOINERS.has(u.tokens[start - 1].word) &&
    !covered[start - 2] &&
    /^\p{Lu}\p{Ll}+$/u.test(u.tokens[start - 2].word) &&
    start - 2 >= m.tokenStart - 6
  )
    start -= 2;
  if (start === m.tokenStart) return m;
  return { ...m, tokenStart: start, text: u.text.slice(u.tokens[start].start, u.tokens[m.tokenEnd - 1].end) };
}

/** "the Scottish Executive" the tagger left out: "the", capitalised words, a body's last word. */
function untaggedBodies(units: readonly TextUnit[], covered: readonly Uint8Array[]): Mention[] {
  const found: Mention[] = [];
  units.forEach((u, ui) => {
    u.tokens.forEach((tok, t) => {
      if (!BODY_ENDINGS.has(tok.word) || covered[ui][t]) return;
      let start = t;
      const capital = (w: string) => w !== "The" && /^\p{Lu}\p{Ll}+$/u.test(w);
      while (start > t - 3 && start > 0 && capital(u.tokens[start - 1].word) && !covered[ui][start - 1]) start--;
      if (start === t || u.tokens[start - 1]?.word.toLowerCase() !== "the") return;
      found.push({ unit: ui, tokenStart: start, tokenEnd: t + 1, type: "ORG", text: words(u, start, t + 1) });
    });
  });
  return found;
}
