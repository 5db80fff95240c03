import { PRONOUNS } from "../entities/lexicon.ts";
import type { Mention } from "../entities/mentions.ts";
import type { Gender, People, PersonRef } from "../entities/people.ts";
import type { TextUnit } from "../text-units.ts";
import { QUOTE_VERBS } from "./verbs.ts";

/** What stands in subject position of a reporting verb. */
export type Subject =
  | { kind: "person"; person: number; byRole?: boolean }
  | { kind: "pronoun"; gender: Gender; token: number }
  | { kind: "organisation"; name: string; definite?: boolean }
  /** "it said": the organisation the text is about. */
  | { kind: "it"; token: number }
  /** "they said": an organisation that opened one of the two sentences before, else someone unnamed. */
  | { kind: "they"; token: number }
  /** Someone unnamed: "officials", "they", "a report". */
  | { kind: "unnamed" };

const lower = (s: string) => s.toLowerCase();

/** Bodies named by what they cover: "the Commons science and technology committee". */
const BODY_HEADS = new Set(["committee", "commission"]);
/** "The committee said": the last organisation of that kind named before. */
const KIND_NOUNS = new Set(["committee", "commission", "council", "party", "union"]);
/** "The company said", "the Swedish firm": the organisation the article is mostly about. */
const COMPANY_NOUNS = new Set([
  "company",
  "firm",
  "group",
  "bank",
  "carrier",
  "airline",
  "retailer",
  "insurer",
  "maker",
  "giant",
  "operator",
  "watchdog",
  "regulator",
  "agency",
  "newspaper",
  "paper",
  "magazine",
  "broadcaster",
  "chain",
  "manufacturer",
  "producer",
  "club",
  "band",
  "association",
  "organisation",
  "network",
  "supermarket",
  "publisher",
  "charity",
  "exchange",
]);
/** Parties the article may name without the word "party". */
const PARTY_NAMES = /^(labour|conservatives?|tories|tory|lib dems|liberal democrats|snp|plaid cymru|ukip|greens?)$/i;

/** People in the plural: their organisation does not speak through them as a body. */
const GROUP_NOUNS = new Set([
  "chiefs",
  "officials",
  "aides",
  "sources",
  "insiders",
  "executives",
  "analysts",
  "critics",
]);

/**
 * Heads of descriptions that stand for a person met before: "the prop said", "said the world
 * indoor champion", "the Labour peer and former minister said". Spokespeople are left out: an
 * unnamed spokesman speaks for an organisation, not for the last person named.
 */
const PERSON_HEADS = new Set(
  (
    "minister secretary chancellor leader chairman chairwoman president director boss founder governor " +
    "senator mayor commissioner manager coach captain skipper champion player prop lock hooker flanker " +
    "striker winger forward midfielder defender goalkeeper keeper batsman bowler sprinter athlete runner " +
    "golfer boxer cyclist swimmer driver rider star singer actor actress author novelist writer peer mp " +
    "veteran premier ambassador judge campaigner entrepreneur tycoon billionaire businessman businesswoman " +
    "frontman rapper comedian presenter musician rocker international youngster chief"
  ).split(" "),
);

/** "our correspondent", "our political editor": the journalist named in the article. */
const REPORTER_HEADS = new Set(["correspondent", "editor", "reporter"]);
const PREPOSITIONS = new Set(
  "by to from with for in on at after before than about against over under between like despite".split(" "),
);
/** Capitalised words that are no speaker's name: openers, pronouns, days, months, titles alone. */
const NOT_NAMES = new Set(
  (
    "the a an it he she they we i this that these those there but and so yet then now also officials analysts " +
    "critics experts monday tuesday wednesday thursday friday saturday sunday january february march april may " +
    "june july august september october november december mr mrs ms dr sir lord lady prof president minister " +
    "government police ministers officials sources most many some several few all both other mps peers members"
  ).split(" "),
);
/** Definite media nouns: the last organisation named is the one meant. */
const MEDIA_NOUNS = new Set(["newspaper", "paper", "magazine", "broadcaster", "agency"]);
/** Who speaks for an organisation without a name: "an executive spokesman", "the ministry statement". */
const SPOKES = new Set(["spokesman", "spokeswoman", "spokesperson", "statement"]);

interface NamedOrg {
  unit: number;
  tokenStart: number;
  name: string;
  /** Followed by a reporting verb ("the local Arab News said"). */
  spoke?: boolean;
}

/**
 * Finds who a quote or report belongs to: names, titles and roles via the people
 * references; pronouns by the subject of the sentence or the ones before it.
 */
export class SpeakerFinder {
  private readonly refsByUnit = new Map<number, PersonRef[]>();
  /** Every reference by unit, quoted or not, in token order. */
  private readonly allRefsByUnit = new Map<number, PersonRef[]>();
  private readonly orgsByUnit = new Map<number, Mention[]>();
  /** Lookups by "unit:token" so long paragraphs stay linear. */
  private readonly refByStart = new Map<string, PersonRef>();
  private readonly refByEnd = new Map<string, PersonRef>();
  private readonly orgByStart = new Map<string, Mention>();
  private readonly orgByEnd = new Map<string, Mention>();
  /** Places by end token: a country right before "said" speaks ("India said it would…"). */
  private readonly placeByEnd = new Map<string, Mention>();
  /** Organisations in text order, with how often the article names each. */
  private readonly orgs: NamedOrg[] = [];
  private readonly orgCounts = new Map<string, number>();
  /** One-word organisation names of the article, by lower case. */
  private readonly orgNames = new Map<string, string>();
  /** The organisation that spoke last, for "it said" with no organisation opening a sentence. */
  private lastOrganisation: string | null = null;

  constructor(
    private readonly units: readonly TextUnit[],
    private readonly people: People,
    mentions: readonly Mention[],
    /** Per unit, per token: inside a direct quote (names there do not speak). */
    private readonly quoted: readonly Uint8Array[],
    private readonly canonical: (name: string) => string,
  ) {
    for (const r of people.refs) {
      const all = this.allRefsByUnit.get(r.unit) ?? [];
      all.push(r);
      this.allRefsByUnit.set(r.unit, all);
      if (quoted[r.unit][r.tokenStart]) continue;
      const list = this.refsByUnit.get(r.unit) ?? [];
      list.push(r);
      this.refsByUnit.set(r.unit, list);
      if (!this.refByStart.has(`${r.unit}:${r.tokenStart}`)) this.refByStart.set(`${r.unit}:${r.tokenStart}`, r);
      this.refByEnd.set(`${r.unit}:${r.tokenEnd}`, r);
    }
    for (const m of mentions) {
      if (m.type === "LOC" && !quoted[m.unit][m.tokenStart]) this.placeByEnd.set(`${m.unit}:${m.tokenEnd}`, m);
      if (m.type !== "ORG" || quoted[m.unit][m.tokenStart]) continue;
      const list = this.orgsByUnit.get(m.unit) ?? [];
      list.push(m);
      this.orgsByUnit.set(m.unit, list);
      this.orgByStart.set(`${m.unit}:${m.tokenStart}`, m);
      // Of two names ending together ("Agriculture Organisation"), the longer is the name.
      const same = this.orgByEnd.get(`${m.unit}:${m.tokenEnd}`);
      if (!same || same.tokenStart > m.tokenStart) this.orgByEnd.set(`${m.unit}:${m.tokenEnd}`, m);
      const spoke = QUOTE_VERBS.has(lower(units[m.unit].tokens[m.tokenEnd]?.word ?? ""));
      this.orgs.push({ unit: m.unit, tokenStart: m.tokenStart, name: canonical(m.text), spoke });
    }
    for (const o of this.orgs) if (!/\s/.test(o.name)) this.orgNames.set(lower(o.name), o.name);
    this.extendBodies();
    this.orgs.sort((a, b) => a.unit - b.unit || a.tokenStart - b.tokenStart);
    for (const o of this.orgs) this.orgCounts.set(o.name, (this.orgCounts.get(o.name) ?? 0) + 1);
  }

  /**
   * "Commons" + "science and technology committee" (tagged or not, after "the"): the committee
   * is the organisation; "Labour" + "party" right after it is the party.
   */
  private extendBodies(): void {
    this.units.forEach((u, ui) => {
      u.tokens.forEach((tok, t) => {
        const head = lower(tok.word);
        const adjacentOnly = head === "party";
        if ((!BODY_HEADS.has(head) && !adjacentOnly) || this.quoted[ui][t]) return;
        for (let k = t; k > t - 6 && k > 0; k--) {
          const org = this.orgByEnd.get(`${ui}:${k}`);
          const start = org?.tokenStart ?? k - 1;
          const bare =
            !org && k < t && /^\p{Lu}\p{Ll}+$/u.test(u.tokens[k - 1].word) && lower(this.word(ui, k - 2)) === "the";
          if (org || bare) {
            const text = u.text.slice(u.tokens[start].start, tok.end);
            const body: Mention = { unit: ui, tokenStart: start, tokenEnd: t + 1, type: "ORG", text };
            this.orgByStart.set(`${ui}:${start}`, body);
            this.orgByEnd.set(`${ui}:${t + 1}`, body);
            this.orgs.push({ unit: ui, tokenStart: start, name: text });
            return;
          }
          if (adjacentOnly || !/^\p{Ll}+$/u.test(u.tokens[k - 1].word)) return;
        }
      });
    });
  }

  /**
   * "the committee", "the Swedish firm" ending before token `end`: the last committee named
   * before, or the organisation the article names most.
   */
  private definiteOrganisation(unit: number, end: number): string | null | undefined {
    const word = lower(this.word(unit, end - 1));
    // "The report warns": the report of the committee or commission the article is about.
    const noun = word === "report" ? "committee" : word;
    const company = COMPANY_NOUNS.has(noun);
    if (!company && !KIND_NOUNS.has(noun)) return undefined;
    let the = end - 2;
    while (
      the >= 0 &&
      end - the <= 3 &&
      /^\p{L}+$/u.test(this.word(unit, the)) &&
      lower(this.word(unit, the)) !== "the"
    )
      the--;
    if (lower(this.word(unit, the)) !== "the") return undefined;
    // "The Usdaw trade union": the name in the phrase.
    const named = this.organisationWithin(unit, the + 1, end - 1);
    if (named?.kind === "organisation") return named.name;
    let best: string | null = null;
    let bestCount = 0;
    for (let i = this.orgs.length - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const o = this.orgs[i];
      if (o.unit > unit || (o.unit === unit && o.tokenStart >= the)) continue;
      const last = lower(o.name.split(/\s+/).pop() ?? "");
      if (!company) {
        if (last === noun || (word === "report" && BODY_HEADS.has(last))) return o.name;
        // "Labour" stands for "Labour Party" when the article spelled it out.
        if (noun === "party" && PARTY_NAMES.test(o.name))
          return [...this.orgCounts.keys()].find((n) => lower(n) === `${lower(o.name)} party`) ?? o.name;
        continue;
      }
      if (KIND_NOUNS.has(last)) continue;
      // "The newspaper said": the paper, agency or broadcaster named last, not the story's company.
      if (MEDIA_NOUNS.has(noun)) {
        if (o.spoke) return o.name;
        continue;
      }
      const count = this.orgCounts.get(o.name) ?? 0;
      if (count > bestCount) {
        best = o.name;
        bestCount = count;
      }
    }
    return best;
  }

  word(unit: number, t: number): string {
    return this.units[unit].tokens[t]?.word ?? "";
  }

  private pronoun(unit: number, t: number): Subject | null {
    const w = lower(this.units[unit].tokens[t]?.word ?? "");
    const gender = PRONOUNS.get(w);
    if (gender) return { kind: "pronoun", gender, token: t };
    if (w === "it") return { kind: "it", token: t };
    if (w === "they") return { kind: "they", token: t };
    if (w === "we") return { kind: "unnamed" };
    return null;
  }

  /** The subject ending just before token `end` (exclusive) of a unit, if one is there. */
  subjectEndingAt(unit: number, end: number): Subject | null {
    const words = this.units[unit].tokens;
    const pronoun = this.pronoun(unit, end - 1);
    if (pronoun) return pronoun;
    const ref = this.refByEnd.get(`${unit}:${end}`);
    if (ref) return { kind: "person", person: ref.person, byRole: ref.byRole };
    const org = this.orgByEnd.get(`${unit}:${end}`);
    if (org) {
      // "Colin Asplin, Blackpool Hotel Association said": the person speaks for the organisation.
      const before = org.tokenStart - 1;
      const person = words[before]?.word === "," ? this.refByEnd.get(`${unit}:${before}`) : undefined;
      if (person) return { kind: "person", person: person.person };
      // "JF Sullivan, spokesman for e-mail software firm Sendmail said", "Philippe Sands QC, a
      // member of Matrix Chambers says": the person before the description speaks.
      for (let k = before; k > 0 && before - k <= 10; k--) {
        const w = words[k].word;
        if (w === "." || w === '"' || this.quoted[unit][k]) break;
        if (w !== ",") continue;
        const named =
          this.refByEnd.get(`${unit}:${k}`) ??
          (/^\p{Lu}{2,3}$/u.test(words[k - 1]?.word ?? "") ? this.refByEnd.get(`${unit}:${k - 1}`) : undefined);
        if (named) return { kind: "person", person: named.person };
        break;
      }
      // "the SNP and the Tories say": a joint statement is filed under the first named.
      const and = org.tokenStart - 2;
      const joint = lower(words[and + 1]?.word ?? "") === "the" && lower(words[and]?.word ?? "") === "and";
      const first = joint ? this.orgByEnd.get(`${unit}:${and}`) : undefined;
      return { kind: "organisation", name: this.canonical((first ?? org).text) };
    }
    const place = this.placeByEnd.get(`${unit}:${end}`);
    if (place && place.tokenEnd - place.tokenStart <= 3)
      return { kind: "organisation", name: this.canonical(place.text) };
    const role = this.roleEndingAt(unit, end);
    if (role) return role;
    // "F-Secure said", untagged here but tagged elsewhere in the article: the same organisation.
    const known = /^\p{Lu}/u.test(this.word(unit, end - 1))
      ? this.orgNames.get(lower(this.word(unit, end - 1)))
      : undefined;
    if (known && !this.quoted[unit][end - 1]) return { kind: "organisation", name: known };
    const run = this.nameRunEndingAt(unit, end);
    if (run) return { kind: "organisation", name: run };
    const definite = this.definiteOrganisation(unit, end);
    if (definite) return { kind: "organisation", name: definite, definite: true };
    if (definite === null) return { kind: "unnamed" };
    return null;
  }

  /**
   * An untagged name right before the verb ("…for their phones Symbian said", "the IAAF
   * described"): one to four capitalised words, not a person the article names, not a common
   * sentence opener. Names before a verb of saying are its speaker, most often an organisation.
   */
  private nameRunEndingAt(unit: number, end: number): string | null {
    let start = end;
    while (start > 0 && end - start < 4 && /^\p{Lu}[\p{L}&'’.-]*$/u.test(this.word(unit, start - 1))) start--;
    if (start === end || this.quoted[unit][end - 1]) return null;
    const words = this.units[unit].tokens.slice(start, end).map((t) => t.word);
    if (words.some((w) => NOT_NAMES.has(lower(w)))) return null;
    // A single capitalised word opening a sentence says nothing ("Colleagues said"), unless an acronym.
    const opens = this.units[unit].sentences.some((s) => s.start === start);
    if (opens && words.length === 1 && !/^\p{Lu}{2,}$/u.test(words[0])) return null;
    for (let t = start; t < end; t++)
      if (this.refByStart.has(`${unit}:${t}`) || this.refByEnd.has(`${unit}:${t + 1}`)) return null;
    return this.units[unit].text.slice(this.units[unit].tokens[start].start, this.units[unit].tokens[end - 1].end);
  }

  /**
   * "the prop", "the Labour peer and former minister" ending before `end`: the person the text
   * is about at that point (as for "he", any gender), or no one when none was named.
   */
  private roleEndingAt(unit: number, end: number): Subject | null {
    const head = lower(this.word(unit, end - 1));
    if (REPORTER_HEADS.has(head)) {
      for (let k = end - 2; k >= 0 && end - k <= 4; k--) {
        const w = lower(this.word(unit, k));
        if (w === "our" || w === "the") return this.reporter(unit, k);
        if (!/^\p{Ll}+$/u.test(w)) break;
      }
    }
    if (!PERSON_HEADS.has(head) && !/^\d+-year-old$/.test(head)) return null;
    for (let k = end - 2; k >= 0 && end - k <= 7; k--) {
      const w = this.word(unit, k);
      if (lower(w) === "the") return this.topicPerson(unit, k);
      if (!/^[\p{L}-]+$/u.test(w) || this.quoted[unit][k] || this.refByEnd.has(`${unit}:${k + 1}`)) return null;
    }
    return null;
  }

  /** "said the world indoor champion, who…": a description starting at `start`. */
  private roleStartingAt(unit: number, start: number): Subject | null {
    // "said our correspondent": the article's correspondent, whose analysis it is.
    if (lower(this.word(unit, start)) === "our") {
      for (let t = start + 1; t < start + 4; t++) {
        if (REPORTER_HEADS.has(lower(this.word(unit, t)))) return this.reporter(unit, start);
        if (!/^\p{Ll}+$/u.test(this.word(unit, t))) break;
      }
      return null;
    }
    if (lower(this.word(unit, start)) !== "the") return null;
    for (let t = start + 1; t < start + 7; t++) {
      const w = this.word(unit, t);
      if (!/^[\p{L}-]+$/u.test(w) || this.refByStart.has(`${unit}:${t}`)) return null;
      const next = this.word(unit, t + 1);
      if ((PERSON_HEADS.has(lower(w)) || /^\d+-year-old$/.test(w)) && !/^\p{L}/u.test(next || "."))
        return this.topicPerson(unit, start);
      if (next && /^(who|of)$/.test(next) && PERSON_HEADS.has(lower(w))) return this.topicPerson(unit, start);
    }
    return null;
  }

  /** "our correspondent": the correspondent or editor named last before (unit, token), or no one. */
  private reporter(unit: number, token: number): Subject {
    let found = -1;
    for (const r of this.people.refs) {
      if (r.unit > unit || (r.unit === unit && r.tokenStart >= token)) continue;
      const roles = [...this.people.people[r.person].roles];
      if (roles.some((role) => /correspondent|editor|reporter/.test(role))) found = r.person;
    }
    return found >= 0 ? { kind: "person", person: found, byRole: true } : { kind: "unnamed" };
  }

  private topicPerson(unit: number, token: number): Subject {
    const person = this.resolvePronoun(unit, token, null);
    return person >= 0 ? { kind: "person", person, byRole: true } : { kind: "unnamed" };
  }

  /**
   * A quote opening a sentence with no one named as saying it, right after a sentence whose
   * subject is a person: `Graham Barlow, editor of Mac Format, has a partisan view. "It's…"`.
   */
  introducedSpeaker(unit: number, token: number): number {
    const sentences = this.units[unit].sentences;
    let u = unit;
    let i = sentences.findIndex((s) => s.start <= token && token < s.end) - 1;
    if (i < 0) {
      u = unit - 1;
      if (u < 0 || this.units[u].kind !== "body") return -1;
      i = this.units[u].sentences.length - 1;
    }
    const s = this.units[u].sentences[i];
    if (!s || this.quoted[u].subarray(s.start, s.end).includes(1)) return -1;
    for (let t = s.start; t < s.end; t++) if (QUOTE_VERBS.has(lower(this.word(u, t)))) return -1;
    return this.sentenceSubject(u, s.start, s.end);
  }

  /**
   * The subject starting at token `start`, allowing a short description first:
   * `said economy minister Heizo Takenaka`, `said the IEA`.
   */
  subjectStartingAt(unit: number, start: number): Subject | null {
    const pronoun = this.pronoun(unit, start);
    if (pronoun) return pronoun;
    const role = this.roleStartingAt(unit, start);
    if (role) return role;
    const words = this.units[unit].tokens;
    for (let t = start; t < Math.min(words.length, start + 5); t++) {
      if (t > start && /^[,.;:!?"()]$/.test(words[t - 1].word)) break;
      const ref = this.refByStart.get(`${unit}:${t}`);
      if (ref) return { kind: "person", person: ref.person, byRole: ref.byRole };
      const org = this.orgByStart.get(`${unit}:${t}`);
      if (org) {
        // "said Electrolux chief executive Hans Straberg": the person, not the company.
        for (let p = org.tokenEnd; p < Math.min(words.length, org.tokenEnd + 4); p++) {
          if (/^[,.;:!?"()]$/.test(words[p].word)) break;
          const ref = this.refByStart.get(`${unit}:${p}`);
          if (ref) return { kind: "person", person: ref.person, byRole: ref.byRole };
        }
        return { kind: "organisation", name: this.canonical(org.text) };
      }
    }
    return null;
  }

  /**
   * The subject opening a clause that runs from `start` (openers such as "But" skipped), for a
   * second verb or a participle: "Symbian played down the program and said…", "…, saying…".
   */
  clauseSubject(unit: number, start: number, limit: number): Subject | null {
    const words = this.units[unit].tokens;
    let first = start;
    while (first < limit && /^(but|and|however|meanwhile|earlier|later|yet|so|then|,|-)$/i.test(words[first].word))
      first++;
    if (first >= limit) return null;
    return this.subjectStartingAt(unit, first);
  }

  /** An organisation named in tokens [from, to): "A Department for Education spokeswoman said". */
  organisationWithin(unit: number, from: number, to: number): Subject | null {
    // "Labour campaign chiefs say": a group of people speaks, not the organisation.
    if (GROUP_NOUNS.has(lower(this.word(unit, to - 1)))) return { kind: "unnamed" };
    for (let t = Math.max(from, to - 12); t < to; t++) {
      const org = this.orgByStart.get(`${unit}:${t}`);
      if (org && org.tokenEnd <= to) return { kind: "organisation", name: this.canonical(org.text) };
    }
    // "An executive spokesman said": the organisation named before whose name ends in that word.
    const w = this.word(unit, to - 2);
    if (SPOKES.has(lower(this.word(unit, to - 1))) && /^\p{Ll}+$/u.test(w)) {
      const named = this.orgNamedByLastWord(unit, to - 2, w);
      if (named) return { kind: "organisation", name: named };
    }
    return null;
  }

  /** The last organisation before (unit, token) whose name ends in `word` ("Scottish Executive" for "executive"). */
  private orgNamedByLastWord(unit: number, token: number, word: string): string | null {
    for (let i = this.orgs.length - 1; i >= 0; i--) {
      const o = this.orgs[i];
      if (o.unit > unit || (o.unit === unit && o.tokenStart >= token)) continue;
      const words = o.name.split(/\s+/);
      if (words.length > 1 && lower(words[words.length - 1]) === word) return o.name;
    }
    return null;
  }

  /** Any person or organisation named in tokens [from, to), outside quotes. */
  namedWithin(unit: number, from: number, to: number): Subject | null {
    for (let t = from; t < to && t < from + 40; t++) {
      const ref = this.refByStart.get(`${unit}:${t}`);
      if (ref && ref.tokenEnd <= to) return { kind: "person", person: ref.person, byRole: ref.byRole };
    }
    for (let t = from; t < to && t < from + 40; t++) {
      const org = this.orgByStart.get(`${unit}:${t}`);
      if (org && org.tokenEnd <= to) return { kind: "organisation", name: this.canonical(org.text) };
    }
    return null;
  }

  /** The nearest person before token `end` in the same sentence, outside quotes. */
  nearestBefore(unit: number, sentenceStart: number, end: number): Subject | null {
    for (let t = end - 1; t >= sentenceStart && end - t <= 60; t--) {
      if (this.quoted[unit][t]) continue;
      const pronoun = this.pronoun(unit, t);
      if (pronoun && pronoun.kind === "pronoun") return pronoun;
      const ref = this.refByEnd.get(`${unit}:${t + 1}`);
      // "Mr Blair's official spokesman said": the owner does not speak.
      if (ref && this.word(unit, t + 1) === "'s") return { kind: "unnamed" };
      if (ref) return { kind: "person", person: ref.person, byRole: ref.byRole };
    }
    return null;
  }

  /** Canonical name of a subject; pronouns resolve to a person named before them. */
  name(
    unit: number,
    subject: Subject,
    lastSpeaker: string | null,
    quotedPeople?: ReadonlySet<number>,
    /** Who spoke in this or the sentence before: "he said" after a quote is most likely them. */
    salient: string | null = null,
  ): string | null {
    switch (subject.kind) {
      case "person":
        return this.people.people[subject.person].name;
      case "organisation":
        this.lastOrganisation = subject.name;
        return subject.name;
      case "unnamed":
        return null;
      case "it":
        return this.organisationBefore(unit, subject.token) ?? this.lastOrganisation;
      case "they":
        // "The Conservatives say… They also believe…": the party, not a group of people.
        return this.organisationBefore(unit, subject.token, 2, 1);
      case "pronoun": {
        // A person opening this sentence first ("Mr Fox attacked…, he said"), then whoever spoke
        // just before, then the subject of the sentences before.
        const own = this.resolvePronoun(unit, subject.token, subject.gender, quotedPeople, true);
        if (own >= 0) return this.people.people[own].name;
        if (salient !== null && this.fitsGender(salient, subject.gender, quotedPeople)) return salient;
        const person = this.resolvePronoun(unit, subject.token, subject.gender, quotedPeople);
        return person >= 0 ? this.people.people[person].name : lastSpeaker;
      }
    }
  }

  /** "It said": the organisation that opens this or one of the few sentences before. */
  private organisationBefore(unit: number, token: number, maxSentences = 8, within = 8): string | null {
    let looked = 0;
    for (let u = unit; u >= 0 && unit - u <= 3; u--) {
      const sentences = this.units[u].sentences;
      for (let i = sentences.length - 1; i >= 0 && looked < maxSentences; i--) {
        const s = sentences[i];
        if (u === unit && s.start > token) continue;
        looked++;
        for (let t = s.start; t <= s.start + within && (u !== unit || t < token); t++) {
          const opener = this.orgByStart.get(`${u}:${t}`);
          if (opener) return this.canonical(opener.text);
        }
      }
    }
    return null;
  }

  /** Whether a speaker's name can be "he"/"she": a person of that gender (or of unknown gender). */
  private fitsGender(name: string, gender: Gender, quotedPeople?: ReadonlySet<number>): boolean {
    const at = this.people.people.findIndex((p) => p.name === name);
    // An organisation is "it"; its spokesman's "he" is left to the sentences before.
    if (at < 0) return false;
    if (quotedPeople?.has(at)) return false;
    const g = this.people.people[at].gender;
    return g === null || gender === null || g === gender;
  }

  /**
   * He/she: the subject of this sentence if it comes before the pronoun, else the subject of
   * the nearest sentence before that has a person as subject (gender permitting).
   */
  resolvePronoun(
    unit: number,
    token: number,
    gender: Gender,
    quotedPeople?: ReadonlySet<number>,
    /** Only the pronoun's own sentence. */
    ownSentence = false,
  ): number {
    // Someone the quote itself names is talked about, not talking: "'Mr Blair is wrong,' he said".
    const fits = (p: number) => {
      if (quotedPeople?.has(p)) return false;
      const g = this.people.people[p].gender;
      return g === null || gender === null || g === gender;
    };
    let looked = 0;
    for (let u = unit; u >= 0 && unit - u <= 4; u--) {
      const sentences = this.units[u].sentences;
      for (let s = sentences.length - 1; s >= 0 && looked < 12; s--) {
        const sentence = sentences[s];
        if (u === unit && sentence.start > token) continue;
        if (ownSentence && looked > 0) return -1;
        looked++;
        const limit = u === unit ? Math.min(token, sentence.end) : sentence.end;
        const subject = this.sentenceSubject(u, sentence.start, limit);
        if (subject >= 0 && fits(subject)) return subject;
        // A sentence that introduced a speaker ("…," said Mr Fox.) makes him the topic too.
        const speaker = this.speakerIn(u, sentence.start, limit);
        if (speaker >= 0 && fits(speaker)) return speaker;
      }
    }
    return -1;
  }

  /** Names of the people named in tokens [from, to) of a unit, outside quotes. */
  namedOutsideQuotes(unit: number, from: number, to: number): Set<string> {
    const names = new Set<string>();
    for (const r of this.refsByUnit.get(unit) ?? [])
      if (r.tokenStart >= from && r.tokenStart < to) names.add(this.people.people[r.person].name);
    return names;
  }

  /** The people named in tokens [from, to) of a unit, inside quotes or not. */
  peopleWithin(unit: number, from: number, to: number): Set<number> {
    const found = new Set<number>();
    const refs = this.allRefsByUnit.get(unit) ?? [];
    // Binary search: a 1 MB paragraph has thousands of quotes and references.
    let lo = 0;
    let hi = refs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (refs[mid].tokenStart < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < refs.length && refs[i].tokenStart < to; i++) found.add(refs[i].person);
    return found;
  }

  /** A person named right before or after a quoting verb in tokens [start, limit), outside quotes. */
  private speakerIn(unit: number, start: number, limit: number): number {
    const tokens = this.units[unit].tokens;
    for (let t = start; t < limit; t++) {
      if (this.quoted[unit][t] || !QUOTE_VERBS.has(lower(tokens[t].word))) continue;
      const before = this.refByEnd.get(`${unit}:${t}`);
      if (before) return before.person;
      const after = this.refByStart.get(`${unit}:${t + 1}`);
      if (after) return after.person;
    }
    return -1;
  }

  /** A person named near the start of a sentence (outside quotes), before token `limit`. */
  private sentenceSubject(unit: number, start: number, limit: number): number {
    const words = this.units[unit].tokens;
    // Skip openers such as "But", "However ,".
    let first = start;
    while (first < limit && /^(but|and|however|meanwhile|earlier|later|yet|so|,|-)$/i.test(words[first].word)) first++;
    // The last name in the opening words is the head: "Lib Dem spokesman Mark Oaten"; but a verb
    // ends the subject: "Dr Fox accused Mr Blair" is about Dr Fox.
    let found = -1;
    for (let t = first; t < limit && t <= first + 4; t++) {
      const r = this.refByStart.get(`${unit}:${t}`);
      // "The changes proposed by Lord Dubs were…": a name right after a preposition is not the
      // subject, unless the preposition opens the sentence ("For Richard Tateson, …").
      if (r && t - 1 > first && PREPOSITIONS.has(lower(words[t - 1].word))) break;
      if (r) {
        found = r.person;
        t = r.tokenEnd - 1;
        const next = words[r.tokenEnd]?.word ?? "";
        if (/^\p{Ll}/u.test(next) && !/^(and|of|for)$/.test(next)) break;
      }
    }
    return found;
  }
}
