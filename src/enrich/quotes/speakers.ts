import { PRONOUNS } from "../entities/lexicon.ts";
import type { Mention } from "../entities/mentions.ts";
import type { Gender, People, PersonRef } from "../entities/people.ts";
import type { TextUnit } from "../text-units.ts";

/** What stands in subject position of a reporting verb. */
export type Subject =
  | { kind: "person"; person: number }
  | { kind: "pronoun"; gender: Gender; token: number }
  | { kind: "organisation"; name: string };

/**
 * Finds who a quote or report belongs to: names, titles and roles via the people
 * references; pronouns by the subject of the sentence or the ones before it.
 */
export class SpeakerFinder {
  private readonly refsByUnit = new Map<number, PersonRef[]>();
  private readonly orgsByUnit = new Map<number, Mention[]>();

  constructor(
    private readonly units: readonly TextUnit[],
    private readonly people: People,
    mentions: readonly Mention[],
    /** Per unit, per token: inside a direct quote (names there do not speak). */
    private readonly quoted: readonly Uint8Array[],
  ) {
    for (const r of people.refs) {
      if (quoted[r.unit][r.tokenStart]) continue;
      const list = this.refsByUnit.get(r.unit) ?? [];
      list.push(r);
      this.refsByUnit.set(r.unit, list);
    }
    for (const m of mentions) {
      if (m.type !== "ORG" || quoted[m.unit][m.tokenStart]) continue;
      const list = this.orgsByUnit.get(m.unit) ?? [];
      list.push(m);
      this.orgsByUnit.set(m.unit, list);
    }
  }

  /** The subject ending just before token `end` (exclusive) of a unit, if one is there. */
  subjectEndingAt(unit: number, end: number): Subject | null {
    const words = this.units[unit].tokens;
    const pronoun = PRONOUNS.get(words[end - 1]?.word.toLowerCase() ?? "");
    if (pronoun) return { kind: "pronoun", gender: pronoun, token: end - 1 };
    const ref = this.refsByUnit
      .get(unit)
      ?.find((r) => r.tokenEnd === end || (r.tokenEnd === end - 1 && words[end - 1].word === "'s"));
    if (ref) return { kind: "person", person: ref.person };
    const org = this.orgsByUnit.get(unit)?.find((m) => m.tokenEnd === end);
    if (org) return { kind: "organisation", name: org.text.replace(/^the\s+/i, "") };
    return null;
  }

  /** The subject starting at token `start`. */
  subjectStartingAt(unit: number, start: number): Subject | null {
    const words = this.units[unit].tokens;
    const pronoun = PRONOUNS.get(words[start]?.word.toLowerCase() ?? "");
    if (pronoun) return { kind: "pronoun", gender: pronoun, token: start };
    const ref = this.refsByUnit.get(unit)?.find((r) => r.tokenStart === start);
    if (ref) return { kind: "person", person: ref.person };
    const org = this.orgsByUnit
      .get(unit)
      ?.find(
        (m) => m.tokenStart === start || (m.tokenStart === start + 1 && words[start].word.toLowerCase() === "the"),
      );
    if (org) return { kind: "organisation", name: org.text.replace(/^the\s+/i, "") };
    return null;
  }

  /** The nearest person before token `end` in the same sentence, outside quotes. */
  nearestBefore(unit: number, sentenceStart: number, end: number): Subject | null {
    const words = this.units[unit].tokens;
    for (let t = end - 1; t >= sentenceStart; t--) {
      if (this.quoted[unit][t]) continue;
      const pronoun = PRONOUNS.get(words[t].word.toLowerCase());
      if (pronoun) return { kind: "pronoun", gender: pronoun, token: t };
      const ref = this.refsByUnit.get(unit)?.find((r) => r.tokenEnd - 1 === t || r.tokenEnd === t);
      if (ref) return { kind: "person", person: ref.person };
    }
    return null;
  }

  /** Canonical name of a subject; pronouns resolve to a person named before them. */
  name(unit: number, subject: Subject, lastSpeaker: string | null): string | null {
    if (subject.kind === "person") return this.people.people[subject.person].name;
    if (subject.kind === "organisation") return subject.name;
    const person = this.resolvePronoun(unit, subject.token, subject.gender);
    if (person >= 0) return this.people.people[person].name;
    return lastSpeaker;
  }

  /**
   * He/she: the subject of this sentence if it comes before the pronoun, else the subject of
   * the nearest sentence before that has a person as subject (gender permitting).
   */
  resolvePronoun(unit: number, token: number, gender: Gender): number {
    const fits = (p: number) => {
      const g = this.people.people[p].gender;
      return g === null || gender === null || g === gender;
    };
    for (let u = unit; u >= 0 && unit - u <= 4; u--) {
      const sentences = this.units[u].sentences;
      for (let s = sentences.length - 1; s >= 0; s--) {
        const sentence = sentences[s];
        if (u === unit && sentence.start > token) continue;
        const subject = this.sentenceSubject(
          u,
          sentence.start,
          u === unit ? Math.min(token, sentence.end) : sentence.end,
        );
        if (subject >= 0 && fits(subject)) return subject;
      }
    }
    return -1;
  }

  /** A person named near the start of a sentence (outside quotes), before token `limit`. */
  private sentenceSubject(unit: number, start: number, limit: number): number {
    const refs = this.refsByUnit.get(unit);
    if (!refs) return -1;
    const words = this.units[unit].tokens;
    // Skip openers such as "But", "However ,", "Ahead of the visit ,".
    let first = start;
    while (first < limit && /^(but|and|however|meanwhile|earlier|later|yet|so|,|-)$/i.test(words[first].word)) first++;
    for (const r of refs) {
      if (r.tokenStart >= first && r.tokenStart < limit && r.tokenStart <= first + 4) return r.person;
    }
    return -1;
  }
}
