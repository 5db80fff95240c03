/** A stretch of text between double quote marks. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or where the quote stopped when no closing mark came. */
  close: number;
  /** False when no closing mark came: the quote runs on into the next paragraph or the next quote. */
  closed: boolean;
}

const OPEN_BEFORE = /[\s([{\u2014\u2013-]/;
const CLOSE_AFTER = /[\s.,;:!?)\]}\u2014\u2013-]/;

/**
 * Pairs double quote marks in one paragraph in a single linear scan. Curly marks say which
 * way they face; a straight mark faces the way its neighbours suggest (space before and a
 * letter after opens). An opening mark inside an open quote means a closing mark was dropped,
 * as when paragraphs of one quote were run together: the first quote stops there, unclosed.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // " “ ” „ « »
    if (c !== 0x22 && c !== 0x201c && c !== 0x201d && c !== 0x201e && c !== 0xab && c !== 0xbb) continue;
    const before = i > 0 ? text[i - 1] : " ";
    const after = i + 1 < text.length ? text[i + 1] : " ";
    let opening = c === 0x201c || c === 0x201e || c === 0xab;
    let closing = c === 0x201d || c === 0xbb;
    if (c === 0x22) {
      opening = OPEN_BEFORE.test(before) && !/\s/.test(after);
      closing = !/\s/.test(before) && CLOSE_AFTER.test(after);
    }
    if (open < 0) {
      if (!closing || opening) open = i;
    } else if (opening && !closing) {
      if (i - open > 1) spans.push({ open, close: i, closed: false });
      open = i;
    } else {
      spans.push({ open, close: i, closed: true });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ open, close: text.length, closed: false });
  return spans;
}
