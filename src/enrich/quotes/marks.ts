/** A stretch of text between double quote marks. */
export interface QuoteSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the text length when the quote runs on past the paragraph. */
  close: number;
  closed: boolean;
}

/**
 * Pairs double quote marks in one paragraph in a single linear scan. Curly marks say which
 * way they face; a straight mark opens when no quote is open and closes otherwise. A stray
 * closing mark is ignored; an unclosed quote runs to the end (it continues in the next paragraph).
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // " “ ” „ « »
    if (c !== 0x22 && c !== 0x201c && c !== 0x201d && c !== 0x201e && c !== 0xab && c !== 0xbb) continue;
    const opening = c === 0x201c || c === 0x201e || c === 0xab;
    const closing = c === 0x201d || c === 0xbb;
    if (open < 0) {
      if (!closing) open = i;
    } else if (!opening) {
      spans.push({ open, close: i, closed: true });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ open, close: text.length, closed: false });
  return spans;
}
