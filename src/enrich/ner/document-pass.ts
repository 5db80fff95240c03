import { type Span, spansFromTags, tagsFromSpans } from "./spans.ts";

/**
 * A second pass over one tagged document: a name is one thing throughout a news story. Where the
 * tagger gave the same string different types, the type it gave most often wins; where it tagged a
 * string once and missed a later (or earlier) capitalised occurrence, that occurrence is tagged too.
 * The pass only reads the tagger's own output, so it needs no training.
 */
export interface DocumentPassOptions {
  /** Give every occurrence of a string the type the document gives it most often. */
  majority: boolean;
  /** Tag untagged occurrences of strings tagged elsewhere in the document. */
  propagate: boolean;
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

export function documentPass(
  sentences: readonly (readonly string[])[],
  tags: string[][],
  options: DocumentPassOptions = { majority: true, propagate: true },
): string[][] {
  const spans: Span[][] = tags.map((t) => spansFromTags(t));
  const votes = new Map<string, Map<string, number>>();
  for (const [si, list] of spans.entries()) {
    for (const s of list) {
      const key = sentences[si].slice(s.start, s.end).join(" ");
      let v = votes.get(key);
      if (!v) {
        v = new Map();
        votes.set(key, v);
      }
      v.set(s.type, (v.get(s.type) ?? 0) + 1);
    }
  }
  if (votes.size === 0) return tags;
  const winner = new Map<string, string>();
  for (const [key, v] of votes) {
    let best = "";
    let bestCount = 0;
    let total = 0;
    for (const [type, count] of v) {
      total += count;
      if (count > bestCount) {
        best = type;
        bestCount = count;
      }
    }
    // Only a strict majority decides; a tie keeps each occurrence's own type.
    if (bestCount * 2 > total) winner.set(key, best);
  }
  const out: string[][] = [];
  for (const [si, words] of sentences.entries()) {
    let list = spans[si];
    let changed = false;
    if (options.majority) {
      list = list.map((s) => {
        const type = winner.get(words.slice(s.start, s.end).join(" "));
        if (type && type !== s.type) {
          changed = true;
          return { ...s, type };
        }
        return s;
      });
    }
    if (options.propagate) {
      const covered = new Uint8Array(words.length);
      for (const s of list) covered.fill(1, s.start, s.end);
      const added: Span[] = [];
      for (let i = 0; i < words.length; i++) {
        if (covered[i] || !isCapitalised(words[i])) continue;
        // The longest tagged string that starts here and lies wholly outside other names.
        for (let end = Math.min(words.length, i + 6); end > i; end--) {
          if (end < words.length && isCapitalised(words[end]) && !covered[end]) continue;
          let free = true;
          for (let k = i; k < end; k++) if (covered[k]) free = false;
          if (!free) continue;
          const type = winner.get(words.slice(i, end).join(" "));
          if (!type) continue;
          added.push({ start: i, end, type });
          covered.fill(1, i, end);
          i = end - 1;
          break;
        }
      }
      if (added.length > 0) {
        list = [...list, ...added].sort((a, b) => a.start - b.start);
        changed = true;
      }
    }
    out.push(changed ? tagsFromSpans(list, words.length) : tags[si]);
  }
  return out;
}
