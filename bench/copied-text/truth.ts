import type { Part } from "./split.ts";

/** What a page's HTML says its article is made of; every item is text the copy shows. */
export interface PageTruth {
  headline?: string;
  crossheads: string[];
  paragraphs: string[];
  imageCaptions: string[];
  mediaCaptions: string[];
  listItems: string[];
  /** Author names. */
  byline: string[];
  /** Day of first publication, YYYY-MM-DD (UTC). */
  date?: string;
}

export interface CorpusPage {
  id: string;
  part: Part;
  /** document.body.innerText of the rendered page. */
  copy: string;
  truth: PageTruth;
  /** Expected items left out because the copy does not show them. */
  dropped: number;
}

/** Lower case, letters and digits only, single spaces: quotes, dashes, spacing and glue never decide a match. */
export function normText(s: string): string {
  return (
    s
      .normalize("NFKC")
      // Words glued by the copy ("CreditKevin Frayer", "Photo: AP" after a label span) are two words.
      .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}

function tokens(s: string): string[] {
  const n = normText(s);
  if (!n) return [];
  // Scripts written without spaces (Chinese, Japanese) are compared character by character.
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(n) ? [...n.replace(/ /g, "")] : n.split(" ");
}

/** Bag-of-tokens F1 between two texts. */
export function tokenF1(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / tb.length;
  const r = common / ta.length;
  return (2 * p * r) / (p + r);
}
