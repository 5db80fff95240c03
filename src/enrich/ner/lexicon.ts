/**
 * What the tagger knows about names from outside its training data: name lists with clean
 * licences (GeoNames cities and regions, country and language names from Node's Intl, public-
 * domain first names, organisation cue words) matched with a token trie, and per-word statistics
 * from unlabelled news text (how often a word is capitalised mid-sentence, which words stand
 * next to it). All of it becomes features; the tagger learns how far each can be trusted.
 *
 * File format (gzip'd text, built by scripts/build-ner-lexicon.ts): `P<TAB>category<TAB>phrase`
 * for list phrases (tokens separated by spaces), `W<TAB>word<TAB>feature feature…` for word statistics.
 */

function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && word[0].toLowerCase() !== word[0]);
}

/** Words that end (or head) an organisation's name; matched only inside a run of capitalised words. */
export const ORGANISATION_CUES = new Set([
  "corp",
  "corporation",
  "inc",
  "incorporated",
  "plc",
  "ltd",
  "limited",
  "llc",
  "ag",
  "sa",
  "nv",
  "bv",
  "gmbh",
  "spa",
  "ab",
  "asa",
  "oyj",
  "co",
  "company",
  "group",
  "holdings",
  "holding",
  "bank",
  "bancorp",
  "airlines",
  "airways",
  "motors",
  "industries",
  "international",
  "technologies",
  "systems",
  "partners",
  "capital",
  "securities",
  "fund",
  "trust",
  "party",
  "council",
  "ministry",
  "department",
  "agency",
  "commission",
  "committee",
  "authority",
  "office",
  "university",
  "college",
  "institute",
  "school",
  "hospital",
  "association",
  "federation",
  "union",
  "league",
  "club",
  "fc",
  "united",
  "rovers",
  "athletic",
  "wanderers",
  "news",
  "times",
  "post",
  "journal",
  "herald",
  "press",
  "television",
  "radio",
  "network",
  "foundation",
  "society",
  "organisation",
  "organization",
  "army",
  "front",
  "movement",
  "court",
  "parliament",
  "assembly",
  "congress",
  "senate",
  "exchange",
  "board",
  "service",
  "services",
  "reserve",
  "police",
  "medical",
  "power",
  "electric",
  "energy",
  "oil",
  "petroleum",
  "chemical",
  "chemicals",
  "pharmaceutical",
  "pharmaceuticals",
  "steel",
  "mining",
  "resources",
  "communications",
  "telecom",
  "electronics",
  "financial",
  "insurance",
  "investments",
  "entertainment",
  "media",
  "foods",
  "products",
  "stores",
  "brewery",
  "cement",
  "controls",
  "software",
  "motor",
  "bancshares",
  "bancorporation",
  "associates",
]);

/** Short words allowed inside a capitalised run ("Bank of England", "Procter & Gamble"). */
const RUN_JOINERS = new Set(["of", "&", "for", "de", "du", "von", "van"]);

/**
 * A token trie kept flat: node 0 is the root, `edges` maps "node, token" to the child node, and
 * `categories` holds the lists a phrase ending at a node belongs to. One Map instead of one per
 * node keeps 160,000 phrases in tens of megabytes.
 */
export class Lexicon {
  private readonly edges = new Map<string, number>();
  private readonly categories: (string[] | undefined)[] = [undefined];
  private readonly wordStats = new Map<string, string[]>();
  private phraseCount = 0;
  /** Whether capitalised runs ending in an organisation cue give features (part of the lists). */
  organisationRuns = true;

  addPhrase(lowerTokens: readonly string[], category: string): void {
    let node = 0;
    for (const t of lowerTokens) {
      const key = `${node}\u0001${t}`;
      let child = this.edges.get(key);
      if (child === undefined) {
        child = this.categories.length;
        this.categories.push(undefined);
        this.edges.set(key, child);
      }
      node = child;
    }
    let list = this.categories[node];
    if (!list) {
      list = [];
      this.categories[node] = list;
    }
    if (!list.includes(category)) {
      list.push(category);
      this.phraseCount++;
    }
  }

  setWordFeatures(lower: string, features: string[]): void {
    this.wordStats.set(lower, features);
  }

  get size(): { phrases: number; words: number } {
    return { phrases: this.phraseCount, words: this.wordStats.size };
  }

  /** Statistics of the word from unlabelled text (empty when it was never seen). */
  wordFeatures(lower: string): readonly string[] {
    return this.wordStats.get(lower) ?? NONE;
  }

  /**
   * Per token, list-membership features of the longest phrase starting at a capitalised token
   * (B at its first token, I after), and organisation-cue features of capitalised runs.
   */
  features(words: readonly string[], lowers: readonly string[], allCaps: boolean): string[][] {
    const n = words.length;
    const out: string[][] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = [];
    for (let i = 0; i < n; i++) {
      if (!allCaps && !isCapitalised(words[i])) continue;
      let node: number | undefined = 0;
      let bestEnd = -1;
      let bestCategories: string[] | undefined;
      for (let j = i; j < n && node !== undefined; j++) {
        node = this.edges.get(`${node}\u0001${lowers[j]}`);
        const found = node === undefined ? undefined : this.categories[node];
        if (found) {
          bestEnd = j + 1;
          bestCategories = found;
        }
      }
      if (!bestCategories) continue;
      for (const c of bestCategories) {
        out[i].push(`LB:${c}`);
        for (let k = i + 1; k < bestEnd; k++) out[k].push(`LI:${c}`);
        if (bestEnd === i + 1) out[i].push(`LU:${c}`);
      }
    }
    // Capitalised runs ("Bank of New England Holdings Corp"): where the run ends with an
    // organisation cue, every word of it says so, not only the word next to the cue.
    let i = 0;
    while (this.organisationRuns && i < n) {
      if (!isCapitalised(words[i]) || allCaps) {
        i++;
        continue;
      }
      let end = i + 1;
      let lastCap = i;
      while (end < n) {
        if (isCapitalised(words[end])) lastCap = end;
        else if (!RUN_JOINERS.has(lowers[end])) break;
        end++;
      }
      if (lastCap > i && ORGANISATION_CUES.has(lowers[lastCap].replace(/\.$/, ""))) {
        // Words before a joiner ("Lynn Reaser of Barnett Banks Inc.") are less surely inside.
        let joined = false;
        for (let k = lastCap - 1; k >= i; k--) {
          if (RUN_JOINERS.has(lowers[k])) joined = true;
          out[k].push(k === i ? (joined ? "orgBj" : "orgB") : joined ? "orgIj" : "orgI");
        }
        out[lastCap].push("orgE");
      }
      i = lastCap + 1;
    }
    return out;
  }

  serialize(): string {
    const lines: string[] = [];
    const children = new Map<number, [string, number][]>();
    for (const [key, child] of this.edges) {
      const cut = key.indexOf("\u0001");
      const parent = Number(key.slice(0, cut));
      const list = children.get(parent) ?? [];
      list.push([key.slice(cut + 1), child]);
      children.set(parent, list);
    }
    const walk = (node: number, path: string[]) => {
      for (const c of this.categories[node] ?? []) lines.push(`P\t${c}\t${path.join(" ")}`);
      for (const [t, child] of children.get(node) ?? []) walk(child, [...path, t]);
    };
    walk(0, []);
    for (const [w, f] of this.wordStats) lines.push(`W\t${w}\t${f.join(" ")}`);
    return lines.join("\n");
  }

  static parse(text: string): Lexicon {
    const lexicon = new Lexicon();
    for (const line of text.split("\n")) {
      const [kind, a, b] = line.split("\t");
      if (kind === "P" && b) lexicon.addPhrase(b.split(" "), a);
      else if (kind === "W" && b) lexicon.setWordFeatures(a, b.split(" "));
    }
    return lexicon;
  }
}

const NONE: readonly string[] = [];
