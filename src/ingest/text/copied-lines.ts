/**
 * A copied page as lines, and what a single line looks like on its own: prose, page furniture, a
 * caption label, a promo. Copies keep one structural signal: a browser puts a blank line around a
 * paragraph and a single newline between other blocks (headings, captions, list items, menus).
 */

export interface Line {
  text: string;
  /** A blank line (or the start of the text) comes right before this line. */
  blankBefore: boolean;
  blankAfter: boolean;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const SENTENCE_END = /[.!?…。！？:;]["'”’»)\]]*$|["”’»]$/;

/** Lines with whitespace collapsed; a line broken mid-sentence (hard-wrapped text) is joined to the next. */
export function toLines(text: string): Line[] {
  const out: Line[] = [];
  let blank = true;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/(?:\s|\u00a0|\u200b|\u200c|\u200d|\ufeff)+/g, " ").trim();
    if (!line) {
      blank = true;
      if (out.length) out[out.length - 1].blankAfter = true;
      continue;
    }
    const previous = out.at(-1);
    // Hard wrap: a long line stopping mid-sentence, continued in lower case on the next line; or a
    // sentence a page broke at a link or a styled word (the line runs on from a sentence inside it
    // and stops on a lower-case word or a comma, where no title or caption stops).
    if (
      previous &&
      !blank &&
      previous.text.length >= 40 &&
      !SENTENCE_END.test(previous.text) &&
      (/^\p{Ll}/u.test(line) ||
        (/(?:\p{Ll}{2}|,)$/u.test(previous.text) &&
          /\p{Ll}{3}[.!?] \p{Lu}/u.test(previous.text) &&
          wordCount(previous.text) >= 14 &&
          (wordCount(line) >= 4 || SENTENCE_END.test(line)) &&
          !titleCased(line) &&
          !isFurniture(line)))
    ) {
      previous.text = `${previous.text} ${line}`;
      continue;
    }
    out.push({ text: line, blankBefore: blank, blankAfter: false });
    blank = false;
  }
  if (out.length) out[out.length - 1].blankAfter = true;
  return out;
}

/** Most words capitalised: a title or a menu, never the rest of a sentence. */
function titleCased(text: string): boolean {
  const tokens = text.split(" ").filter((t) => /\p{L}/u.test(t));
  return tokens.length >= 2 && tokens.filter((t) => /^\p{Lu}/u.test(t)).length / tokens.length > 0.6;
}

/** Words, or for scripts written without spaces about one word per two characters. */
export function wordCount(text: string): number {
  if (CJK.test(text)) return Math.ceil(text.replace(/\s+/g, "").length / 2);
  return text.split(" ").length;
}

// Emoji and symbols a writer puts after the full stop ("today! 🙂") do not end the sentence.
const TRAILING_SYMBOLS = /(?:\s|\p{Extended_Pictographic}|\p{So}|\u{fe0f}|\u{200d})+$/u;

export function endsLikeSentence(text: string): boolean {
  const t = text.replace(TRAILING_SYMBOLS, "");
  return SENTENCE_END.test(t) && !/\.\.\.$/.test(t.replace(/…$/, "..."));
}

/** A line of story text: a sentence of some length, or a long line whatever its end. */
export function isProse(text: string): boolean {
  const words = wordCount(text);
  if (words < 6) return false;
  // Menus run together ("News Tech Health Planet Earth …") and titles are mostly capitalised words.
  if (!CJK.test(text)) {
    const tokens = text.split(" ");
    const capitalised = tokens.filter((t) => /^[\p{Lu}\d]/u.test(t)).length;
    if (words >= 8 && capitalised / words > 0.6) return false;
  }
  if (endsLikeSentence(text)) return true;
  return words >= 20 && /[.,;!?，。、]/.test(text);
}

// Page chrome of many outlets that survives a copy: never story text on its own line.
const FURNITURE_LINE = new RegExp(
  `^(?:${[
    "advertisement",
    "advert",
    "advertising",
    "privacy overview",
    "necessary",
    "non-necessary",
    "necessary always enabled",
    "breaking news emails",
    "ad",
    "sponsored",
    "sponsored content",
    "skip to (?:main )?content",
    "skip to navigation",
    "jump to",
    "accessibility links",
    "accessibility help",
    "menu",
    "main menu",
    "close",
    "open",
    "search",
    "search the bbc",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "register",
    "subscribe",
    "subscribe now",
    "newsletter",
    "newsletters",
    "home",
    "share",
    "shares",
    "share this",
    "share this (?:page|article|story)",
    "share on \\w+",
    "share to \\w+",
    "share this with",
    "tweet",
    "pin",
    "pin it",
    "email",
    "e-mail",
    "print",
    "save",
    "comment",
    "comments",
    "\\d+ comments?",
    "facebook",
    "twitter",
    "x",
    "messenger",
    "whatsapp",
    "linkedin",
    "reddit",
    "pinterest",
    "flipboard",
    "copy link",
    "copy this link",
    "link copied",
    "close share panel",
    "these are external links and will open in a new window",
    "read more about these links\\.?",
    "published",
    "last updated",
    "photo",
    "video",
    "image",
    "listen",
    "more",
    "next",
    "previous",
    "previous next",
    "caption",
    "copiar link",
    "delete account",
    "rss",
    "notice",
    "homepage",
    "x",
    "back to top",
    "loading",
    "loading\\.\\.\\.",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "trending",
    "most popular",
    "most read",
    "popular",
    "latest",
    "latest news",
    "top stories",
    "follow us",
    "\\d+",
    "\\d+ min(?:ute)? read",
    "\\d+ shares?",
    "[|•·»›/-]+",
  ].join("|")})$`,
  "i",
);
// Notices that are never story text, whatever their length.
const FURNITURE_ANYWHERE =
  /\b(?:we use cookies|this (?:site|website) uses cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|all rights reserved|sign up for (?:our|the) (?:\w+ )?newsletter|subscribe to (?:our|the) (?:\w+ )?newsletter|privacy policy|terms of (?:use|service)|javascript is (?:disabled|required)|enable javascript|your browser (?:does not|doesn't) support|media playback is unsupported on your device|click here to|this post may contain affiliate)\b/i;

export function isFurniture(text: string): boolean {
  if (FURNITURE_LINE.test(text)) return true;
  if (/^https?:\/\/\S+$/.test(text)) return true;
  if (/^(?:©|\(c\)|copyright ©)/i.test(text)) return true;
  if (/^<\/?[a-z][^>]*>/i.test(text)) return true;
  return FURNITURE_ANYWHERE.test(text) && wordCount(text) < 60 && !/media playback/i.test(text);
}

// Lines that send the reader elsewhere: kept out of the story's paragraphs.
const PROMO =
  /^(?:read (?:more|the full|our|the latest|next|also)|also read|see also|watch(?: the| our| live|:)|listen(?: to|:)|more from|more on|related:|recommended:|click (?:here|to)|follow (?:us|@)|join (?:us|our)|download (?:our|the)|get the (?:app|latest)|don't miss|sign up|subscribe)(?:\b|(?<=:))|\blive updates? from\b|\bcontinue reading\b/i;

export function isPromo(text: string): boolean {
  return PROMO.test(text) && wordCount(text) <= 25;
}
