import type { TextUnit } from "../text-units.ts";
import { TITLES } from "./lexicon.ts";
import type { Mention } from "./mentions.ts";

/**
 * Head words of job titles: a capitalised phrase ending in one ("Trade and Industry Secretary",
 * "Shadow Home Secretary") is a role, never an entity of its own.
 */
export const ROLE_HEADS = new Set([
  "secretary",
  "minister",
  "chancellor",
  "president",
  "premier",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "leader",
  "chairman",
  "chairwoman",
  "chair",
  "director",
  "editor",
  "correspondent",
  "commissioner",
  "governor",
  "ambassador",
  "manager",
  "coach",
  "captain",
  "mayor",
  "senator",
  "treasurer",
  "whip",
  "speaker",
  "analyst",
  "economist",
  "founder",
  "boss",
  "envoy",
  "adviser",
  "advisor",
  "deputy",
]);

/** Two-word heads whose last word alone is no role: "Chief Executive", "Attorney General". */
const TWO_WORD_HEADS = new Set([
  "chief executive",
  "chief officer",
  "chief economist",
  "attorney general",
  "secretary general",
  "director general",
  "surgeon general",
  "chief constable",
]);

/** Whether the word at k ends a role phrase. */
function isRoleHead(words: readonly string[], k: number): boolean {
  const w = lower(words[k]).replace(/^(co|vice|deputy)-/, "");
  if (ROLE_HEADS.has(w)) return true;
  return k > 0 && TWO_WORD_HEADS.has(`${lower(words[k - 1])} ${w}`);
}

/** Words that may sit inside a role phrase before its head: "Trade and Industry", "Home", "Deputy". */
const ROLE_JOINERS = new Set(["and", "of", "for", "the", "&"]);

/**
 * Common words the tagger sometimes takes for a name at the start of a sentence or in a title:
 * never an entity on their own. Titles and role heads are added below.
 */
const COMMON_WORDS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "given",
  "family",
  "government",
  "governments",
  "state",
  "man",
  "woman",
  "god",
  "christmas",
  "easter",
  "born",
  "north",
  "south",
  "east",
  "west",
  "black",
  "white",
  "office",
  "sport",
  "park",
  "house",
  "street",
  "town",
  "country",
  "party",
  "union",
  "bank",
  "group",
  "company",
  "firm",
  "department",
  "ministry",
  "committee",
  "commission",
  "council",
  "court",
  "police",
  "army",
  "budget",
  "news",
  "radio",
  "tv",
  "dvd",
  "cd",
  "pc",
  "pcs",
  "dj",
  "id",
  "internet",
  "web",
  "online",
  "mobile",
  "home",
  "world",
  "national",
  "international",
  "new",
  "old",
  "great",
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "mps",
  "mp",
  "ministers",
  "officials",
  "analysts",
  "however",
  "meanwhile",
  "but",
  "and",
  "if",
  "when",
  "while",
  "after",
  "before",
  "yes",
  "no",
  "le",
  "la",
  "les",
  "il",
  "te",
  "pou",
  "front",
  "shadow",
  "dear",
  "hello",
  "ok",
]);

/** Single words or phrases that are never an entity on their own (lowercase). */
export const NOT_A_NAME = new Set<string>([
  ...COMMON_WORDS,
  ...TITLES.keys(),
  ...ROLE_HEADS,
  ...TWO_WORD_HEADS,
  "shadow secretary",
  "secretary of state",
  "prime minister",
  "foreign secretary",
  "home secretary",
]);

/** Parties and their members' nouns: organisations wherever the tagger put them. */
const PARTY_WORDS =
  /^(labour|tory|tories|conservative|conservatives|liberal democrats?|lib dems?|snp|plaid cymru|ukip|greens?|democrats?|republicans?)$/i;

const lower = (s: string) => s.toLowerCase();
const capitalised = (w: string) => /^\p{Lu}/u.test(w);
const NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;

/**
 * Capitalised function words: in a title of a work ("Dry Your Eyes", "Nightmare On Elm Street",
 * "Right To Be Wrong"), never inside a person's name. "Will" only after the first word ("Will Young").
 */
const TITLE_WORDS = new Set(
  "the and to on in it do your my you me be with at for from by is are not no all up our we".split(" "),
);

/** Whether the words of a PER mention can be a person's name: no digits ("5.45m Euros"), no title of a work. */
function personLike(words: readonly string[]): boolean {
  if (words.some((w) => /\d/.test(w))) return false;
  return !words.some((w, i) => /^\p{Lu}/u.test(w) && (TITLE_WORDS.has(lower(w)) || (i > 0 && lower(w) === "will")));
}

/** Whether a mention's words are only a title or role ("Mr", "Shadow Secretary", "Trade and Industry Secretary"). */
export function isRoleOnly(words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const bare = words.filter((w) => w !== "'s" && w !== "'");
  const phrase = bare.map(lower).join(" ");
  if (NOT_A_NAME.has(phrase)) return true;
  const head = lower(bare[bare.length - 1] ?? "");
  if (!isRoleHead(bare, bare.length - 1) && !TITLES.has(head)) return false;
  // "Trade and Industry Secretary": capitalised words and joiners ending in a role head.
  return bare.every(
    (w, i) => capitalised(w) || ROLE_JOINERS.has(lower(w)) || ROLE_MODIFIERS.has(lower(w)) || i === bare.length - 1,
  );
}

/**
 * Where a dateline ("LONDON (Reuters) -", "WASHINGTON —") or a byline line ("By Nick Robinson,
 * political editor") ends in a unit, as a token index; 0 when there is none. Names there are
 * credits and places of filing, not what the story is about.
 */
export function creditEnd(unit: TextUnit, index: number, bylineNames: ReadonlySet<string>): number {
  const tokens = unit.tokens;
  if (tokens.length === 0 || unit.kind === "headline") return 0;
  // A dateline opens one of the first paragraphs: capitals, maybe an agency in brackets, a dash.
  if (index <= 4 && /^\p{Lu}{2,}/u.test(tokens[0].word) && !/\p{Ll}/u.test(tokens[0].word)) {
    for (let t = 1; t < Math.min(tokens.length, 12); t++) {
      const w = tokens[t].word;
      if (/^[-–—:]+$/.test(w) && t >= 1) return t + 1;
      if (/^\p{Ll}/u.test(w)) break;
    }
  }
  // A byline line: "By Jane Doe" (and a role), short, on its own.
  if (lower(tokens[0].word) === "by" && tokens.length <= 14 && capitalised(tokens[1]?.word ?? "")) return tokens.length;
  // A line that is only the article's byline name(s).
  if (tokens.length <= 8 && bylineNames.size > 0) {
    const text = lower(
      unit.text
        .replace(/[^\p{L}\s'-]/gu, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );
    for (const name of bylineNames) if (text.includes(name)) return tokens.length;
  }
  return 0;
}

/**
 * Mentions a reader can trust: no credits, no titles or common words alone; a title the tagger
 * split from its name is joined to it; "Trade and Industry Secretary Patricia Hewitt" tagged
 * as one organisation is the person Patricia Hewitt; parties are organisations.
 */
export function cleanMentions(
  units: readonly TextUnit[],
  mentions: readonly Mention[],
  bylineNames: ReadonlySet<string> = new Set(),
): Mention[] {
  const credits = units.map((u, i) => creditEnd(u, i, bylineNames));
  const out: Mention[] = [];
  const lineups = units.map((u, ui) => lineupNames(u, ui));
  for (const list of lineups) out.push(...list);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const u = units[m.unit];
    if (m.tokenStart < credits[m.unit]) continue;
    // A team line-up names its players: the tagger's reading of the list gives way.
    if (lineups[m.unit].length > 0) continue;
    const words = u.tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.word);
    const text = (from: number, to: number) => u.text.slice(u.tokens[from].start, u.tokens[to - 1].end);
    // A title alone ("Mr" + an untagged or differently tagged "Sears"): the name after it is a person.
    if (words.length === 1 && TITLES.has(lower(words[0])) && capitalised(words[0])) {
      const next = mentions[i + 1];
      if (next && next.unit === m.unit && next.tokenStart === m.tokenEnd) {
        out.push({ ...next, type: "PER", tokenStart: m.tokenStart, text: text(m.tokenStart, next.tokenEnd) });
        i++;
        continue;
      }
      let end = m.tokenEnd;
      while (end < u.tokens.length && end < m.tokenEnd + 3 && NAME_WORD.test(u.tokens[end].word)) end++;
      if (end > m.tokenEnd) out.push({ ...m, type: "PER", tokenEnd: end, text: text(m.tokenStart, end) });
      continue;
    }
    // "Lib" + "Dem"/"Dems" the tagger cut off.
    if (lower(words[words.length - 1]) === "lib" && /^Dems?$/.test(u.tokens[m.tokenEnd]?.word ?? "")) {
      out.push({ ...m, type: "ORG", tokenEnd: m.tokenEnd + 1, text: text(m.tokenStart, m.tokenEnd + 1) });
      continue;
    }
    // A role joined to a name: "Trade and Industry Secretary Patricia Hewitt" → the person.
    let split = -1;
    for (let k = words.length - 2; k >= 0; k--) {
      if (isRoleHead(words, k) || (TITLES.has(lower(words[k])) && k > 0)) {
        split = k + 1;
        break;
      }
    }
    // "General Motors" is no general called Motors: a one-word rest needs the tagger to call it a person.
    if (
      split > 0 &&
      (words.length - split >= 2 || m.type === "PER") &&
      words.slice(split).every((w) => NAME_WORD.test(w)) &&
      isRoleOnly(words.slice(0, split)) &&
      split < words.length
    ) {
      const start = m.tokenStart + split;
      // A title right before the name ("Secretary of State Dr John Reid") stays with the person.
      const titled = TITLES.has(lower(words[split - 1])) ? start - 1 : start;
      if (start < m.tokenEnd) {
        out.push({ ...m, type: "PER", tokenStart: titled, text: text(titled, m.tokenEnd) });
        continue;
      }
    }
    if (isRoleOnly(words)) continue;
    if (m.type === "PER" && !personLike(words)) continue;
    if (PARTY_WORDS.test(words.filter((w) => w !== "'s").join(" "))) {
      out.push(m.type === "ORG" ? m : { ...m, type: "ORG" });
      continue;
    }
    out.push(m);
  }
  return out.sort((a, b) => a.unit - b.unit || a.tokenStart - b.tokenStart);
}

/** Name particles in line-ups: "CA del Fava", "R de Marigny", "A Lo Cicero". */
const PARTICLES = new Set(["de", "del", "dal", "du", "da", "di", "van", "von", "le", "la", "lo", "der", "den"]);

/**
 * A sports line-up paragraph ("G Intoppa, S Perugini, CA del Fava, M Bortolami (capt); …"):
 * at least four items split by commas and semicolons, most of them an initial or forename, an
 * optional particle and a surname. Each such item is a person; an empty list otherwise.
 */
function lineupNames(u: TextUnit, ui: number): Mention[] {
  const tokens = u.tokens;
  if (u.kind !== "body" || tokens.length < 8) return [];
  const items: [number, number][] = [];
  let start = 0;
  for (let t = 0; t <= tokens.length; t++) {
    const w = tokens[t]?.word ?? ".";
    if (w === "," || w === ";" || w === "." || w === ":") {
      items.push([start, t]);
      start = t + 1;
    }
  }
  const names: Mention[] = [];
  for (const [from, to] of items) {
    let end = to;
    // "M Bortolami (capt)": the note in brackets is not part of the name.
    const bracket = tokens.slice(from, to).findIndex((t) => t.word === "(");
    if (bracket >= 0) end = from + bracket;
    const words = tokens.slice(from, end).map((t) => t.word);
    const first = words[0] ?? "";
    const last = words[words.length - 1] ?? "";
    const middle = words.slice(1, -1);
    const ok =
      words.length >= 2 &&
      words.length <= 4 &&
      (/^\p{Lu}{1,3}$/u.test(first) || /^\p{Lu}\p{Ll}+$/u.test(first)) &&
      /^\p{Lu}[\p{L}'’-]+$/u.test(last) &&
      middle.every((w) => PARTICLES.has(lower(w)) || /^\p{Lu}[\p{L}'’-]+$/u.test(w));
    if (ok)
      names.push({
        unit: ui,
        tokenStart: from,
        tokenEnd: end,
        type: "PER",
        text: u.text.slice(tokens[from].start, tokens[end - 1].end),
      });
  }
  // Most items must look like players' names, and some must use initials (a line-up, not prose).
  const initials = names.filter((n) => /^\p{Lu}{1,3}$/u.test(tokens[n.tokenStart].word)).length;
  if (names.length < 4 || names.length < 0.6 * items.length || initials < 2) return [];
  return names;
}

/** Lowercase words a job title may carry before its head: "shadow home secretary", "Lib Dem health spokesman". */
const ROLE_MODIFIERS = new Set([
  "shadow",
  "deputy",
  "junior",
  "home",
  "foreign",
  "affairs",
  "trade",
  "industry",
  "health",
  "education",
  "culture",
  "defence",
  "finance",
  "economic",
  "economics",
  "chief",
  "prime",
  "vice",
  "state",
  "environment",
  "transport",
  "work",
  "pensions",
  "business",
  "political",
  "media",
  "sport",
  "treasury",
  "party",
  "general",
  "managing",
  "executive",
  "policy",
  "justice",
  "interior",
  "energy",
  "technology",
  "science",
  "communications",
  "press",
  "opposition",
  "constitutional",
]);

/**
 * The job title written right before a name ending at token `end` (exclusive): "Trade and Industry
 * Secretary" in "Trade and Industry Secretary Patricia Hewitt", "shadow chancellor" in "shadow
 * chancellor Oliver Letwin"; as [first token, text], or null.
 */
export function rolePhraseBefore(unit: TextUnit, words: readonly string[], end: number): [number, string] | null {
  const head = end - 1;
  if (head < 0 || !(isRoleHead(words, head) || (TITLES.has(lower(words[head])) && ROLE_HEADS.has(lower(words[head])))))
    return null;
  let start = head;
  while (start > 0 && head - start < 6) {
    const w = words[start - 1];
    const l = lower(w);
    if (l === "the" || l === "a" || l === "an") break;
    if (ROLE_JOINERS.has(l)) {
      // A joiner only inside the phrase: "Trade and Industry", not "and Secretary".
      if (start < 2 || !capitalised(words[start - 2])) break;
    } else if (!(capitalised(w) && /^\p{L}/u.test(w)) && !ROLE_MODIFIERS.has(l)) break;
    start--;
  }
  // A sentence-opening capital that is not part of the title ("Yesterday Secretary …") is rare; keep it simple.
  if (ROLE_JOINERS.has(lower(words[start]))) start++;
  return [start, unit.text.slice(unit.tokens[start].start, unit.tokens[head].end)];
}
