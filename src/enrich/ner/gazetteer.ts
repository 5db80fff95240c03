import type { Lexicon } from "./lexicon.ts";

/**
 * Names known from training data, by type: whole phrases ("new york" → LOC) and the single
 * words they are made of. The tagger uses matches as features, not as answers.
 */
export class Gazetteer {
  private readonly phrases = new Map<string, Set<string>>();
  private readonly lengthsByFirst = new Map<string, number[]>();
  private readonly words = new Map<string, Set<string>>();
  /** Each phrase as first written, so a saved gazetteer loads exactly as it was built. */
  private readonly originals = new Map<string, string[]>();
  /** Outside name lists and unlabelled-text statistics, when the model was trained with them. */
  lexicon?: Lexicon;

  add(tokens: readonly string[], type: string): void {
    const lower = tokens.map((t) => t.toLowerCase());
    const key = lower.join(" ");
    let types = this.phrases.get(key);
    if (!types) {
      types = new Set();
      this.phrases.set(key, types);
      this.originals.set(key, [...tokens]);
      const lengths = this.lengthsByFirst.get(lower[0]) ?? [];
      if (!lengths.includes(lower.length)) lengths.push(lower.length);
      lengths.sort((a, b) => b - a);
      this.lengthsByFirst.set(lower[0], lengths);
    }
    types.add(type);
    // Only the capitalised words of a name: "of" in "Bank of England" says nothing about "of".
    const original = this.originals.get(key)!;
    for (const w of lower.filter((_, i) => /^[\p{Lu}\p{N}]/u.test(original[i]))) {
      let wt = this.words.get(w);
      if (!wt) {
        wt = new Set();
        this.words.set(w, wt);
      }
      wt.add(type);
    }
  }

  /** Per token, the features of the longest phrase match covering it. */
  features(lowers: readonly string[]): string[][] {
    const out: string[][] = lowers.map(() => []);
    for (let i = 0; i < lowers.length; i++) {
      const lengths = this.lengthsByFirst.get(lowers[i]);
      if (lengths) {
        for (const len of lengths) {
          if (i + len > lowers.length) continue;
          const types = this.phrases.get(lowers.slice(i, i + len).join(" "));
          if (!types) continue;
          for (const type of types) {
            out[i].push(`gB:${type}`);
            for (let k = i + 1; k < i + len; k++) out[k].push(`gI:${type}`);
            if (len === 1) out[i].push(`gU:${type}`);
          }
          break;
        }
      }
    }
    return out;
  }

  /** Types of the names a single word appears in: features of the word wherever it stands. */
  wordFeatures(lower: string): string[] {
    const types = this.words.get(lower);
    return types ? [...types].map((type) => `gw:${type}`) : [];
  }

  get size(): number {
    return this.phrases.size;
  }

  /** One line per phrase: `TYPE[,TYPE]<TAB>phrase as first written`. */
  serialize(): string {
    return [...this.phrases]
      .map(([p, types]) => `${[...types].join(",")}\t${this.originals.get(p)!.join(" ")}`)
      .join("\n");
  }

  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab < 0) continue;
      const tokens = line.slice(tab + 1).split(" ");
      for (const type of line.slice(0, tab).split(",")) g.add(tokens, type);
    }
    return g;
  }
}
