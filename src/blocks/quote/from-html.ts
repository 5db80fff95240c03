import { safeText } from "../../ingest/sanitize.ts";
import { textOf } from "../dom.ts";
import type { QuoteBlock } from "./schema.ts";

/**
 * A blockquote as a quote. A <footer> inside it names who said it (the export writes
 * `<footer><cite>Name</cite></footer>`); its text is not part of the quote.
 */
export function quoteFromHtml(el: Element): QuoteBlock | undefined {
  const footer = [...el.children].find((c) => c.tagName.toLowerCase() === "footer");
  let text: string;
  let speaker = "";
  if (footer) {
    speaker = safeText(textOf(footer)).replace(/^[—–-]\s*/, "");
    text = safeText(
      [...el.childNodes]
        .filter((n) => n !== footer)
        .map(textOf)
        .join(""),
      { keepNewlines: true },
    );
  } else {
    text = safeText(textOf(el), { keepNewlines: true });
  }
  if (!text) return undefined;
  const block: QuoteBlock = { type: "quote", text, pull: /pull/i.test(el.getAttribute("class") ?? "") };
  if (speaker) block.speaker = speaker;
  return block;
}
