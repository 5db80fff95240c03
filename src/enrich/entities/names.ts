import type { Entity } from "../../model/article.ts";
import type { TextUnit } from "../text-units.ts";
import { ROLES } from "./lexicon.ts";
import type { Mention, MentionType } from "./mentions.ts";

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
  const byKey = new Map<string, { forms: Map<string, number>; votes: Map<MentionType, number>; full?: string }>();
  for (const m of mentions) {
    if (m.type === "PER") continue;
    const name = bareName(m.text);
    let key = name.toLowerCase();
    // "The PM" is a role, and a person's name typed as a place elsewhere is still the person.
    if (!/\p{L}/u.test(name) || ROLES.has(key.split(" ")[0]) || personNames.has(key)) continue;
    key = acronyms.get(key) ?? key;
    let group = byKey.get(key);
    if (!group) {
      group = { forms: new Map(), votes: new Map() };
      byKey.set(key, group);
    }
    group.forms.set(name, (group.forms.get(name) ?? 0) + 1);
    group.votes.set(m.type, (group.votes.get(m.type) ?? 0) + 1);
  }
  const organisations: Entity[] = [];
  const places: Entity[] = [];
  const canonicalByForm = new Map<string, string>();
  for (const [key, group] of byKey) {
    const forms = [...group.forms.entries()].sort((a, b) => b[1] - a[1]);
    // The spelled-out name wins over its acronym, else the most used form.
    const name = forms.find(([f]) => f.toLowerCase() === key)?.[0] ?? forms[0][0];
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
