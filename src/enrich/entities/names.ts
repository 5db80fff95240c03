import type { Entity } from "../../model/article.ts";
import { ROLES } from "./lexicon.ts";
import type { Mention, MentionType } from "./mentions.ts";

/** "the BBC's" → "BBC": the name without a leading article or a possessive ending. */
function bareName(text: string): string {
  return text
    .replace(/^the\s+/i, "")
    .replace(/['’]s?$/, "")
    .trim();
}

/**
 * Organisations and places: mentions with the same name are one entity. A name the tagger
 * typed differently in different sentences goes to the type it was given most often.
 */
export function groupNames(
  mentions: readonly Mention[],
  personNames: ReadonlySet<string>,
): { organisations: Entity[]; places: Entity[] } {
  const byKey = new Map<string, { forms: Map<string, number>; votes: Map<MentionType, number> }>();
  for (const m of mentions) {
    if (m.type === "PER") continue;
    const name = bareName(m.text);
    const key = name.toLowerCase();
    // "The PM" is a role, and a person's name typed as a place elsewhere is still the person.
    if (!/\p{L}/u.test(name) || ROLES.has(key.split(" ")[0]) || personNames.has(key)) continue;
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
  for (const group of byKey.values()) {
    const forms = [...group.forms.entries()].sort((a, b) => b[1] - a[1]);
    const name = forms[0][0];
    const entity = { name, aliases: forms.slice(1).map(([f]) => f) };
    const org = group.votes.get("ORG") ?? 0;
    const loc = group.votes.get("LOC") ?? 0;
    (org >= loc ? organisations : places).push(entity);
  }
  return { organisations, places };
}
