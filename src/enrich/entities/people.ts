import type { TextUnit } from "../text-units.ts";
import { rolePhraseBefore } from "./clean.ts";
import {
  canonicalRole,
  FORENAME_GENDER,
  FORENAME_TITLES,
  MAX_ROLE_WORDS,
  NAME_TITLES,
  RELATIVES,
  ROLES,
  ROYAL_TITLES,
  TITLES,
} from "./lexicon.ts";
import type { Mention } from "./mentions.ts";

export type Gender = "m" | "f" | null;

export interface PersonEntity {
  /** Canonical name: the fullest form the article gives. */
  name: string;
  aliases: string[];
  gender: Gender;
  /** Canonical role words the article ties to this person ("prime minister"). */
  roles: Set<string>;
  /** The job title as first written before the name: "Trade and Industry Secretary". */
  role?: string;
  /** Number of references, for choosing the main subject. */
  references: number;
  /** Named in the headline or the first paragraphs. */
  early: boolean;
  /** Given a family name from a relative ("Litvinenko's widow, Marina"): a bare surname means the relative. */
  derived: boolean;
}

/** A place in the text that refers to a person: a name (with its title) or a role phrase. */
export interface PersonRef {
  unit: number;
  tokenStart: number;
  tokenEnd: number;
  person: number;
  /** A role phrase ("the minister") rather than the person's name. */
  byRole?: boolean;
}

export interface People {
  people: PersonEntity[];
  /** In text order. */
  refs: PersonRef[];
}

interface NameUse {
  mention: Mention;
  /** The name without title or possessive, as tokens. */
  tokens: string[];
  /** First token of the reference, title included. */
  refStart: number;
  refEnd: number;
  title?: string;
  titled?: string;
  gender: Gender;
  roles: string[];
  /** The job title written before the name, if any. */
  role?: string;
  /** Extra alias text, e.g. "Litvinenko's widow, Marina". */
  alias?: string;
  derived?: boolean;
}

const lower = (s: string) => s.toLowerCase();

/** The longest role phrase ending just before token `end` (exclusive), as [start, canonical role]. */
function roleEndingAt(words: readonly string[], end: number): [number, string] | null {
  for (let k = Math.min(MAX_ROLE_WORDS, end); k >= 1; k--) {
    const phrase = words
      .slice(end - k, end)
      .map(lower)
      .join(" ");
    if (ROLES.has(phrase)) return [end - k, canonicalRole(phrase)];
  }
  return null;
}

/** The longest role phrase starting at token `start`, as [end, canonical role]. */
function roleStartingAt(words: readonly string[], start: number): [number, string] | null {
  for (let k = Math.min(MAX_ROLE_WORDS, words.length - start); k >= 1; k--) {
    const phrase = words
      .slice(start, start + k)
      .map(lower)
      .join(" ");
    if (ROLES.has(phrase)) return [start + k, canonicalRole(phrase)];
  }
  return null;
}

const DETERMINERS = new Set(["the", "a", "an", "its", "his", "her", "their"]);

function describe(units: readonly TextUnit[], unitWords: readonly string[][], m: Mention): NameUse | null {
  const u = units[m.unit];
  const words = unitWords[m.unit];
  let start = m.tokenStart;
  let end = m.tokenEnd;
  let title: string | undefined;
  const roles: string[] = [];
  let gender: Gender = null;
  // The tagger may take a title into the name; titles are not part of a canonical name.
  while (end - start > 1 && TITLES.has(lower(words[start]))) {
    title = words[start];
    start++;
  }
  while (end > start && (words[end - 1] === "'s" || words[end - 1] === "'")) end--;
  if (end <= start) return null;
  let refStart = m.tokenStart;
  if (!title) {
    let t = m.tokenStart - 1;
    if (words[t] === "." && t > 0) t--;
    if (t >= 0 && TITLES.has(lower(words[t])) && /^\p{Lu}/u.test(words[t])) {
      title = words[t];
      refStart = t;
    }
  }
  if (title) gender = TITLES.get(lower(title)) ?? null;
  const before = roleEndingAt(words, refStart === m.tokenStart ? m.tokenStart : refStart + 1);
  if (before) roles.push(before[1]);
  // "the prime minister, Tony Blair"
  if (words[m.tokenStart - 1] === ",") {
    const r = roleEndingAt(words, m.tokenStart - 1);
    if (r && lower(words[r[0] - 1] ?? "") === "the") roles.push(r[1]);
  }
  // "Dmitry Muratov, editor of Novaya Gazeta" / "Tony Blair, the prime minister,"
  if (words[m.tokenEnd] === ",") {
    let k = m.tokenEnd + 1;
    if (DETERMINERS.has(lower(words[k] ?? ""))) k++;
    const r = roleStartingAt(words, k) ?? roleStartingAt(words, k + 1);
    if (r) roles.push(r[1]);
  }
  let tokens = words.slice(start, end);
  // Royalty and peers are known by title and one name: the title is part of it.
  if (title && ((tokens.length === 1 && NAME_TITLES.has(lower(title))) || ROYAL_TITLES.has(lower(title))))
    tokens = [title, ...tokens];
  const use: NameUse = {
    mention: m,
    tokens,
    refStart,
    refEnd: m.tokenEnd,
    title,
    titled: title ? `${title} ${u.text.slice(u.tokens[start].start, u.tokens[end - 1].end)}` : undefined,
    gender,
    roles,
  };
  if (before && /^\p{Lu}/u.test(words[before[0]])) {
    use.titled = `${u.text.slice(u.tokens[before[0]].start, u.tokens[m.tokenStart - 1].end)} ${m.text}`;
  }
  // "Shadow Chancellor Oliver Letwin": the title may be the head of a longer job title.
  const titleAt = refStart < m.tokenStart ? refStart : start - 1;
  const written = rolePhraseBefore(u, words, refStart) ?? (title ? rolePhraseBefore(u, words, titleAt + 1) : null);
  if (written) {
    use.role = written[1];
    roles.push(lower(written[1]));
    if (written[0] < refStart && /^\p{Lu}/u.test(written[1])) use.titled = `${written[1]} ${m.text}`;
  }
  return use;
}

/** "Litvinenko's widow, Marina": the relative gets the family name and the phrase as an alias. */
function applyRelatives(units: readonly TextUnit[], unitWords: readonly string[][], uses: NameUse[]): void {
  applyPossessiveRelatives(units, unitWords, uses);
  for (let i = 0; i + 1 < uses.length; i++) {
    const a = uses[i];
    const b = uses[i + 1];
    if (a.mention.unit !== b.mention.unit || b.tokens.length !== 1) continue;
    const u = units[a.mention.unit];
    const w = unitWords[a.mention.unit];
    const at = a.mention.tokenEnd;
    if (w[at] !== "'s" && w[at] !== "'") continue;
    // Up to two words may describe the relative: "Michael Howard's ex-model wife, Sandra".
    let r = at + 1;
    while (r < at + 3 && !RELATIVES.has(lower(w[r] ?? "")) && /^[a-z]/.test(w[r] ?? "")) r++;
    const relative = RELATIVES.get(lower(w[r] ?? ""));
    if (relative === undefined || w[r + 1] !== "," || b.mention.tokenStart !== r + 2) continue;
    b.tokens = [b.tokens[0], a.tokens[a.tokens.length - 1]];
    b.gender = relative;
    b.derived = true;
    const aliasStart = a.mention.tokenStart;
    b.alias = u.text.slice(u.tokens[aliasStart].start, u.tokens[b.mention.tokenEnd - 1].end);
  }
}

/**
 * "Mr Miliband … his father Ralph": a lone forename after his/her and a family word takes the
 * family name of the person who opens the sentence, or else of the person named just before.
 */
function applyPossessiveRelatives(units: readonly TextUnit[], unitWords: readonly string[][], uses: NameUse[]): void {
  for (let i = 1; i < uses.length; i++) {
    const b = uses[i];
    const w = unitWords[b.mention.unit];
    const at = b.mention.tokenStart;
    if (b.tokens.length !== 1 || b.title) continue;
    const relative = RELATIVES.get(lower(w[at - 1] ?? ""));
    const owner = lower(w[at - 2] ?? "");
    if (relative === undefined || (owner !== "his" && owner !== "her")) continue;
    const u = units[b.mention.unit];
    const sentence = u.sentences.find((s) => s.start <= at && at < s.end);
    let family: NameUse | undefined;
    for (let j = i - 1; j >= 0; j--) {
      const a = uses[j];
      if (a.mention.unit !== b.mention.unit || (sentence && a.mention.tokenStart < sentence.start)) break;
      if (a.tokens.length >= 2 || a.title) family = a;
    }
    for (let j = i - 1; j >= 0 && !family; j--) if (uses[j].tokens.length >= 2 || uses[j].title) family = uses[j];
    if (!family) continue;
    b.tokens = [b.tokens[0], family.tokens[family.tokens.length - 1]];
    b.gender = relative;
    b.derived = true;
    b.alias = u.text.slice(u.tokens[at - 2].start, u.tokens[b.mention.tokenEnd - 1].end);
  }
}

/** Party and group words the tagger sometimes takes for a person's name. */
const GROUP_WORDS = new Set([
  "tory",
  "tories",
  "labour",
  "conservative",
  "conservatives",
  "liberal",
  "democrat",
  "democrats",
  "republican",
  "republicans",
  "socialist",
  "socialists",
  "communist",
  "communists",
  "lib dems",
  "lib dem",
  "lib",
]);

const compatible = (a: Gender, b: Gender) => a === null || b === null || a === b;

/** Groups the person names of an article into people, and finds role phrases that refer to them. */
export function resolvePeople(units: readonly TextUnit[], mentions: readonly Mention[]): People {
  const unitWords = units.map((u) => u.tokens.map((t) => t.word));
  const uses = mentions
    .map((m) => (m.type === "PER" && !GROUP_WORDS.has(m.text.toLowerCase()) ? describe(units, unitWords, m) : null))
    .filter((u): u is NameUse => u !== null);
  applyRelatives(units, unitWords, uses);

  const people: PersonEntity[] = [];
  const byFullName = new Map<string, number>();
  const newPerson = (name: string): number => {
    people.push({ name, aliases: [], gender: null, roles: new Set(), references: 0, early: false, derived: false });
    return people.length - 1;
  };
  for (const use of uses) {
    if (use.tokens.length < 2) continue;
    const key = use.tokens.map(lower).join(" ");
    if (!byFullName.has(key)) byFullName.set(key, newPerson(use.tokens.join(" ")));
    const p = people[byFullName.get(key)!];
    if (use.gender) p.gender = use.gender;
    if (use.derived) p.derived = true;
  }
  // "Prince Saud" after "Prince Saud Al-Faisal": a shorter titled form is the longer name.
  for (const [key, index] of byFullName) {
    const parts = key.split(" ");
    if (parts.length !== 2 || !ROYAL_TITLES.has(parts[0])) continue;
    const longer = [...byFullName].find(([other]) => other !== key && other.startsWith(`${key} `));
    if (longer) byFullName.set(key, longer[1]);
    if (longer) people[index].references = -1;
  }

  // "G Henson" in a line-up after "Gavin Henson": an initial and the surname are that person.
  for (const [key, index] of byFullName) {
    const parts = key.split(" ");
    if (parts.length < 2 || !/^\p{Lu}{1,3}$/u.test(people[index].name.split(" ")[0])) continue;
    const rest = ` ${parts.slice(1).join(" ")}`;
    const matches = [...byFullName].filter(
      ([other, i]) =>
        i !== index &&
        other.endsWith(rest) &&
        other[0] === key[0] &&
        !/^\p{Lu}{1,3}$/u.test(people[i].name.split(" ")[0]),
    );
    if (new Set(matches.map(([, i]) => i)).size !== 1) continue;
    byFullName.set(key, matches[0][1]);
    people[index].references = -1;
  }

  // Who could a single word mean: people by each part of their full name.
  const byPart = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const part of new Set(p.name.split(" ").map(lower))) {
      const list = byPart.get(part) ?? [];
      list.push(i);
      byPart.set(part, list);
    }
  });
  const refs: PersonRef[] = [];
  const lastRef = new Map<number, number>();
  const aliasSets = people.map(() => new Set<string>());
  const assign = (use: NameUse, person: number, order: number) => {
    const p = people[person];
    p.references++;
    if (use.mention.unit <= 2) p.early = true;
    if (use.gender && !p.gender) p.gender = use.gender;
    p.gender ??= FORENAME_GENDER.get(lower(p.name.split(" ")[0])) ?? null;
    for (const r of use.roles) p.roles.add(r);
    p.role ??= use.role;
    aliasSets[person] ??= new Set();
    const written = use.mention.text.replace(/['’]s?$/, "");
    for (const a of [written, use.titled, use.alias]) if (a && a !== p.name) aliasSets[person].add(a);
    refs.push({ unit: use.mention.unit, tokenStart: use.refStart, tokenEnd: use.refEnd, person });
    lastRef.set(person, order);
  };
  uses.forEach((use, order) => {
    if (use.tokens.length >= 2) {
      assign(use, byFullName.get(use.tokens.map(lower).join(" "))!, order);
      return;
    }
    const word = lower(use.tokens[0]);
    let best = -1;
    let bestScore = -1;
    for (const i of byPart.get(word) ?? []) {
      const p = people[i];
      const parts = p.name.split(" ").map(lower);
      const surname = parts[parts.length - 1] === word;
      const single = parts.length === 1 && parts[0] === word;
      const forename = parts.length > 1 && parts[0] === word && (!use.title || FORENAME_TITLES.has(lower(use.title)));
      // "Mr Wang" after "Wang Yan": a family name written first, when the word is no known forename.
      const familyFirst =
        parts.length === 2 &&
        parts[0] === word &&
        !!use.title &&
        !FORENAME_TITLES.has(lower(use.title)) &&
        !FORENAME_GENDER.has(word);
      if (!(surname || single || forename || familyFirst) || !compatible(p.gender, use.gender)) continue;
      // Prefer a surname match, then whoever was referred to last.
      // A title that says "Mrs" picks the woman of that name; otherwise a relative who only
      // borrowed the surname is the last choice.
      const sameGender = use.gender !== null && p.gender === use.gender;
      const score =
        (sameGender ? 4e6 : 0) + (p.derived ? 0 : 2e6) + (surname || single ? 1e6 : 0) + (lastRef.get(i) ?? -1) + 1;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) {
      best = newPerson(use.tokens[0]);
      aliasSets[best] = new Set();
      byPart.set(word, [...(byPart.get(word) ?? []), best]);
    }
    assign(use, best, order);
  });

  findRoleReferences(units, people, refs, aliasSets);
  refs.sort((a, b) => a.unit - b.unit || a.tokenStart - b.tokenStart);
  people.forEach((p, i) => {
    p.aliases = [...(aliasSets[i] ?? [])];
  });
  return { people, refs };
}

/** Roles that, when no one is named with them, usually mean the article's main subject. */
const SUBJECT_ROLES = new Set(["prime minister", "president", "leader"]);

function findRoleReferences(
  units: readonly TextUnit[],
  people: PersonEntity[],
  refs: PersonRef[],
  aliasSets: Set<string>[],
): void {
  const named = new Set(refs.map((r) => `${r.unit}:${r.tokenStart}`));
  const sentenceStarts = units.map((u) => new Set(u.sentences.map((s) => s.start)));
  const main = mainSubject(units, people, refs);
  units.forEach((u, ui) => {
    const words = u.tokens.map((t) => t.word);
    for (let i = 0; i + 1 < words.length; i++) {
      if (lower(words[i]) !== "the") continue;
      const r = roleStartingAt(words, i + 1);
      if (!r) continue;
      const [end, role] = r;
      // "the prime minister, Tony Blair" or "the PM Tony Blair": the name reference covers it.
      if (named.has(`${ui}:${end}`) || named.has(`${ui}:${end + 1}`)) continue;
      if (words[end] === "'s" && /^\p{Lu}/u.test(words[end + 1] ?? "")) continue;
      // Of the people with this role, the one referred to most.
      let person = -1;
      people.forEach((p, pi) => {
        if (p.roles.has(role) && (person < 0 || p.references > people[person].references)) person = pi;
      });
      // Unnamed "The prime minister said…" opening a sentence is the article's main subject.
      const opensSentence = words[i] === "The" && sentenceStarts[ui].has(i);
      if (person < 0 && opensSentence && SUBJECT_ROLES.has(role) && main >= 0 && people[main].roles.size === 0)
        person = main;
      if (person < 0) continue;
      const text = u.text.slice(u.tokens[i].start, u.tokens[end - 1].end);
      aliasSets[person].add(text.replace(/^The /, "the "));
      refs.push({ unit: ui, tokenStart: i, tokenEnd: end, person, byRole: true });
    }
  });
}

/**
 * The person the article is about: the one the first body paragraph opens with, else the one
 * named early and referred to most.
 */
function mainSubject(units: readonly TextUnit[], people: readonly PersonEntity[], refs: readonly PersonRef[]): number {
  const lede = units.findIndex((u) => u.kind === "body");
  const opening = refs.find((r) => r.unit === lede && r.tokenStart <= 4);
  if (opening) return opening.person;
  let best = -1;
  for (let i = 0; i < people.length; i++) {
    if (!people[i].early) continue;
    if (best < 0 || people[i].references > people[best].references) best = i;
  }
  return best;
}
