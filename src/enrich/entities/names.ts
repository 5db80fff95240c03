import type { Entity } from "../../model/article.ts";
import type { TextUnit } from "../text-units.ts";
import { ROLES } from "./lexicon.ts";
import type { Mention, MentionType } from "./mentions.ts";

/** Short and member forms of parties, joined to the fuller name when the article uses it. */
const PARTY_FORMS = new Map<string, { key: string; fuller: string[] }>([
  ["lib dems", { key: "liberal democrats", fuller: ["liberal democrats", "liberal democrat"] }],
  ["lib dem", { key: "liberal democrats", fuller: ["liberal democrats", "liberal democrat"] }],
  ["tories", { key: "conservatives", fuller: ["conservatives", "conservative", "conservative party"] }],
  ["tory", { key: "conservatives", fuller: ["conservatives", "conservative", "conservative party"] }],
]);

const INITIAL_SKIP = new Set(["and", "of", "for", "the", "&", "on", "in"]);

/** "SEC" and "Securities and Exchange Commission" in one article: the acronym of the name is the name. */
function joinInitials(byKey: Map<string, { forms: Map<string, number>; votes: Map<MentionType, number> }>): void {
  const byInitials = new Map<string, string>();
  for (const key of byKey.keys()) {
    const words = key.split(/\s+/).filter((w) => !INITIAL_SKIP.has(w));
    if (words.length >= 2) byInitials.set(words.map((w) => w[0]).join(""), key);
  }
  if (byInitials.size === 0) return;
  for (const [key, group] of [...byKey]) {
    const full = byInitials.get(key);
    if (!full || full === key || !/^\p{Lu}{2,6}$/u.test([...group.forms.keys()][0] ?? "")) continue;
    const target = byKey.get(full)!;
    for (const [f, n] of group.forms) target.forms.set(f, (target.forms.get(f) ?? 0) + n);
    for (const [t, n] of group.votes) target.votes.set(t, (target.votes.get(t) ?? 0) + n);
    byKey.delete(key);
  }
}

/** "Agriculture Organisation" where the tagger cut "Food and Agriculture Organisation" short: the longer name. */
function joinCutNames(byKey: Map<string, { forms: Map<string, number>; votes: Map<MentionType, number> }>): void {
  const keys = [...byKey.keys()];
  for (const key of keys) {
    if (key.split(" ").length < 2 || !(byKey.get(key)?.votes.get("ORG") ?? 0)) continue;
    const longer = keys.find(
      (k) => k !== key && k.endsWith(` ${key}`) && byKey.has(k) && (byKey.get(k)?.votes.get("ORG") ?? 0) > 0,
    );
    if (!longer) continue;
    const from = byKey.get(key)!;
    const target = byKey.get(longer)!;
    for (const [f, n] of from.forms) target.forms.set(f, (target.forms.get(f) ?? 0) + n);
    for (const [t, n] of from.votes) target.votes.set(t, (target.votes.get(t) ?? 0) + n);
    byKey.delete(key);
  }
}

/** "the BBC's" → "BBC": the name without a leading article or a possessive ending. */
export function bareName(text: string): string {
  return text
    .replace(/^the\s+/i, "")
    .replace(/['’]s?$/, "")
    .trim();
}

export interface NamedEntities {
  organisations: Entity[];
  places: Entity[];
  /** Canonical organisation or place name for any form the article used ("IEA" → "International Energy Agency"). */
  canonical(name: string): string;
}

/**
 * Organisations and places: mentions with the same name are one entity, and an acronym
 * given in brackets after a name ("International Energy Agency (IEA)") is that entity too.
 * A name typed differently in different sentences goes to the type it was given most often.
 */
export function groupNames(
  units: readonly TextUnit[],
  mentions: readonly Mention[],
  personNames: ReadonlySet<string>,
): NamedEntities {
  const acronyms = new Map<string, string>();
  for (const m of mentions) {
    if (m.type === "PER") continue;
    const words = units[m.unit].tokens;
    const inner = words[m.tokenEnd + 1]?.word ?? "";
    if (words[m.tokenEnd]?.word === "(" && words[m.tokenEnd + 2]?.word === ")" && /^\p{Lu}[\p{Lu}&]+$/u.test(inner))
      acronyms.set(inner.toLowerCase(), bareName(m.text).toLowerCase());
  }
  // Singular, plural and possessive forms of one name share a key: "Liberal Democrat(s)".
  const rawKeys = new Set<string>();
  for (const m of mentions) if (m.type !== "PER") rawKeys.add(bareName(m.text).toLowerCase());
  const groupKey = (key: string): string => {
    const acronym = acronyms.get(key);
    if (acronym) return groupKey(acronym);
    const party = PARTY_FORMS.get(key);
    if (party && [...party.fuller].some((f) => rawKeys.has(f))) return groupKey(party.key);
    if (key.endsWith("s") && rawKeys.has(key.slice(0, -1))) return key.slice(0, -1);
    return key;
  };
  const byKey = new Map<string, { forms: Map<string, number>; votes: Map<MentionType, number>; full?: string }>();
  for (const m of mentions) {
    if (m.type === "PER") continue;
    const name = bareName(m.text);
    const lowerName = name.toLowerCase();
    // "The PM" is a role, and a person's name typed as a place elsewhere is still the person.
    if (!/\p{L}/u.test(name) || ROLES.has(lowerName.split(" ")[0]) || personNames.has(lowerName)) continue;
    const key = groupKey(lowerName);
    let group = byKey.get(key);
    if (!group) {
      group = { forms: new Map(), votes: new Map() };
      byKey.set(key, group);
    }
    group.forms.set(name, (group.forms.get(name) ?? 0) + 1);
    group.votes.set(m.type, (group.votes.get(m.type) ?? 0) + 1);
  }
  joinInitials(byKey);
  joinCutNames(byKey);
  const organisations: Entity[] = [];
  const places: Entity[] = [];
  const canonicalByForm = new Map<string, string>();
  for (const [key, group] of byKey) {
    const forms = [...group.forms.entries()].sort((a, b) => b[1] - a[1]);
    // The spelled-out name wins over its acronym, a plural over its singular, else the most used form.
    const name =
      forms.find(([f]) => f.toLowerCase() === `${key}s`)?.[0] ??
      forms.find(([f]) => f.toLowerCase() === key)?.[0] ??
      forms.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
    const entity = { name, aliases: forms.map(([f]) => f).filter((f) => f !== name) };
    for (const [f] of forms) canonicalByForm.set(f.toLowerCase(), name);
    const org = group.votes.get("ORG") ?? 0;
    const loc = group.votes.get("LOC") ?? 0;
    (org >= loc ? organisations : places).push(entity);
  }
  return {
    organisations,
    places,
    canonical: (n) => canonicalByForm.get(bareName(n).toLowerCase()) ?? bareName(n),
  };
}
