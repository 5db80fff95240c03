import * as chrono from "chrono-node";
import { endsLikeSentence, isFurniture, isProse, type Line, wordCount } from "./copied-lines.ts";
import { isSectionName } from "./section-names.ts";

/**
 * The header of a copied page: the headline, the byline and the date, wherever the copy puts them
 * (right under the headline, in either order, on lines of their own or run together).
 */

export interface Author {
  name: string;
  role?: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
// The BBC's own form, with its time zone: "3 September 2011 Last updated at 14:37 BST".
const BBC_DATE_LINE = new RegExp(
  `^(?:published:?\\s*)?(\\d{1,2}) (${MONTHS.join("|")}) (\\d{4})(?:[\\s,·|-]+(?:last updated at\\s*)?(\\d{1,2}):(\\d{2})(?:\\s*(gmt|bst|utc))?)?$`,
  "i",
);
const NAME_WORD = String.raw`(?:[\p{Lu}][\p{L}'’.-]*|de|da|van|von|der|den|al|bin|la|le|del|di|du|dos)`;
// "By James Landale, Political correspondent": capitalised names, so "By early 2005 …" is body text.
const BYLINE_STRICT = new RegExp(
  String.raw`^By ((?:[\p{Lu}][\p{L}'’.-]*)(?: ${NAME_WORD}){1,4})(?:(?:,| -) ([^.]{2,80}))?$`,
  "u",
);
const BY_PREFIX = /^(?:by|written by|posted by|words by|story by|reporting by|von|par|por|door)\s*:?\s+/i;
const NAME = new RegExp(String.raw`^[\p{Lu}][\p{L}'’.-]*(?: ${NAME_WORD}){1,4}$`, "u");
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\b\\.?|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}`,
  "i",
);
const PARSERS = [chrono.en, chrono.en.GB, chrono.de, chrono.fr, chrono.es, chrono.pt, chrono.it, chrono.nl];

/** "3 September 2011" (optionally "Last updated at 14:37 BST") as an ISO timestamp in UTC. */
function parseBbcDate(line: string): string | undefined {
  const m = BBC_DATE_LINE.exec(line);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2].toLowerCase());
  // Date.UTC rolls 31 February over into March: such a line is not a date.
  if (new Date(Date.UTC(Number(m[3]), month, Number(m[1]))).getUTCDate() !== Number(m[1])) return undefined;
  const offsetHours = m[6]?.toLowerCase() === "bst" ? 1 : 0;
  const date = new Date(
    Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4] ?? 0) - offsetHours, Number(m[5] ?? 0)),
  );
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A full date (day, month and year all stated) in a short line, as ISO UTC; else undefined. */
// Month names of languages whose dates otherwise read as English ones ("Oktober 27, 2015").
const FOREIGN_MONTHS: [RegExp, string][] = [
  [/\b(?:januari|januar)\b/gi, "January"],
  [/\b(?:februari|februar)\b/gi, "February"],
  [/\b(?:maret|märz|maart)\b/gi, "March"],
  [/\b(?:mei|mai)\b/gi, "May"],
  [/\b(?:juni)\b/gi, "June"],
  [/\b(?:juli)\b/gi, "July"],
  [/\b(?:agustus|augustus)\b/gi, "August"],
  [/\b(?:oktober)\b/gi, "October"],
  [/\b(?:desember|dezember)\b/gi, "December"],
];
// Day.month.year in figures, as most of Europe writes it: "21:17 18.11.2019".
const DOTTED_DATE = /(?:^|[^\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])/;

export function dateInLine(line: string): string | undefined {
  if (line.length > 160) return undefined;
  // A line in the BBC's form is read by that form only: "31 February 2011" is no date, not 3 March.
  if (BBC_DATE_LINE.test(line)) return parseBbcDate(line);
  const dotted = DOTTED_DATE.exec(line);
  if (dotted) {
    const [day, month, year] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (month >= 1 && month <= 12 && d.getUTCDate() === day) return d.toISOString();
  }
  for (const [re, english] of FOREIGN_MONTHS) line = line.replace(re, english);
  if (!DATE_WORDS.test(line) && !/\d{4}/.test(line)) return undefined;
  for (const parser of PARSERS) {
    for (const r of parser.parse(line, { instant: new Date(Date.UTC(2030, 0, 1)), timezone: "UTC" })) {
      const s = r.start;
      if (!s.isCertain("day") || !s.isCertain("month") || !s.isCertain("year")) continue;
      const year = s.get("year") ?? 0;
      if (year < 1990 || year > 2100) continue;
      const offset = s.get("timezoneOffset") ?? 0;
      const utc = Date.UTC(
        year,
        (s.get("month") ?? 1) - 1,
        s.get("day") ?? 1,
        s.get("hour") ?? 0,
        s.get("minute") ?? 0,
      );
      return new Date(utc - offset * 60_000).toISOString();
    }
  }
  return undefined;
}

/** The date line of a page is short: mostly the date, a label and a time. */
function isDateLine(line: string): boolean {
  return wordCount(line) <= 14 && dateInLine(line) !== undefined;
}

/** Splits "JamesStaff" (a name glued to the role after it) at the glue. */
function unglue(name: string): string {
  return name.replace(/(\p{Ll}{3,})(\p{Lu}\p{Ll}+.*)$/u, "$1").trim();
}

// Words that make a capitalised pair a label ("Next Post", "Auto News"), not a person.
const NOT_A_NAME =
  /\b(?:news|post|posts|next|previous|auto|staff|team|desk|editor|editors|home|opening|bell|bets|reports?|daily|weekly|times|live|updates?|share|comments?|more|read|latest|top|world|business|sports?|politics|tech|science|health|opinion|video|photos?|magazine|reviews?|section|contact|subscribe|about|menu|search|sign|log|follow|related|popular|trending|google|facebook|twitter|apple|amazon)\b/i;

function cleanName(raw: string, bare = false): string | undefined {
  const name = unglue(raw.replace(/^[@\s]+|[\s,;:|]+$/g, ""));
  if (!NAME.test(name) || wordCount(name) > 5) return undefined;
  if (bare && NOT_A_NAME.test(name)) return undefined;
  // All-capitals names (wire copy) read better in title case.
  return name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase())
    : name;
}

/** Names (and a role) from a byline line; an empty list when the line is not one. */
export function bylineIn(line: string, options: { bare?: boolean } = {}): Author[] {
  const strict = BYLINE_STRICT.exec(line);
  if (strict && unglue(strict[1]) === strict[1])
    return [strict[2] ? { name: strict[1], role: strict[2].trim() } : { name: strict[1] }];
  let rest: string;
  if (BY_PREFIX.test(line)) rest = line.replace(BY_PREFIX, "");
  else if (options.bare) rest = line;
  else return [];
  // A long line is a byline only as "By Name, a deputy editor who …": the names before the comma.
  if (wordCount(line) > 24) {
    if (!BY_PREFIX.test(line) || !rest.includes(",")) return [];
    rest = rest.slice(0, rest.indexOf(","));
    if (wordCount(rest) > 4 || /\p{L}{2}\.\s/u.test(rest)) return [];
  }
  // The names end where the role, the date, a handle or the outlet begins.
  const cut = rest.search(
    new RegExp(
      String.raw`\s[-–—|•·]\s|\s\|\s?|[|•·]|,\s|\s?@|\s(?:on|for|at|in|updated|published|posted|follow)\s|\s\d|\s(?:${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b`,
      "i",
    ),
  );
  const namesPart = cut >= 0 ? rest.slice(0, cut) : rest;
  let role = cut >= 0 ? rest.slice(cut).replace(/^[\s,|•·–—-]+/, "") : "";
  if (dateInLine(role) || /\d/.test(role) || wordCount(role) > 8) role = "";
  const names = namesPart
    .split(/\s+(?:and|&|und|et|y|e)\s+|,\s*/i)
    .map((n) => cleanName(n, options.bare && !BY_PREFIX.test(line)))
    .filter((n): n is string => !!n);
  if (names.length === 0) return [];
  return names.map((name, i) => (i === names.length - 1 && role ? { name, role } : { name }));
}

function isBylineLine(line: string): boolean {
  return bylineIn(line).length > 0;
}

/** Something a page header holds besides the headline: a byline, a date, the section, share buttons, media labels. */
export function isHeaderMaterial(line: string): boolean {
  return (
    isFurniture(line) ||
    isSectionName(line) ||
    isBylineLine(line) ||
    isDateLine(line) ||
    /^(?:media (?:playback|caption)|image (?:caption|copyright|source)|video caption)/i.test(line)
  );
}

/** Could this line be a headline? Shape only: a title of some words, not a sentence, not furniture. */
function headlineShaped(text: string): boolean {
  const words = wordCount(text);
  if (words < 2 || words > 40 || text.length > 250) return false;
  if (/[.,;:]$/.test(text) && !/\.\.\.$|…$/.test(text)) return false;
  if (isFurniture(text) || isSectionName(text) || isBylineLine(text) || isDateLine(text)) return false;
  if (/^(?:media|image|video) (?:caption|copyright|source)|^photo:|^credit/i.test(text)) return false;
  // Labels and metadata lines: "Posted on …", "— Name on Sunday …", "21:17 18.11.2019 …".
  if (/^(?:posted|published|updated|filed|written|share|tags?|by)\b|^[—–\-•·|>»]|^\d{1,2}[:.]\d{2}\b/i.test(text))
    return false;
  // Script or data printed as text: "container: 'x', placement: …", "{", "\"headline\": …".
  if (/[{}=;]|\w+: '|^"\w+":/.test(text)) return false;
  return /\p{L}/u.test(text);
}

/** "Title by Name Date" run together on one line: the title and what follows it. */
export function splitGluedHeadline(text: string): { title: string; rest?: string } {
  const m = /^(.{10,}?)\s+(by\s+\p{Lu}.*)$/u.exec(text);
  if (m && bylineIn(m[2]).length > 0) return { title: m[1].replace(/[\s|,–—-]+$/, ""), rest: m[2] };
  return { title: text };
}

export interface HeadlineChoice {
  index: number;
  text: string;
  /** A byline and date run on after the title on the same line. */
  rest?: string;
}

/**
 * The headline of a full-page copy: among the title-shaped lines around the start of the story, the
 * one that reads most like a title and sits where a headline sits (just before a byline or date, or
 * repeated as page title and heading), preferring lines close to the story.
 */
/** Line i sits among menu entries: at least two short lines (not header lines) on each side, no blank line between. */
function inMenu(lines: Line[], i: number): boolean {
  const entry = (k: number) =>
    wordCount(lines[k].text) <= 5 && !endsLikeSentence(lines[k].text) && !isHeaderMaterial(lines[k].text);
  let before = 0;
  for (let k = i; k > 0 && !lines[k].blankBefore && entry(k - 1) && before < 2; k--) before++;
  let after = 0;
  for (let k = i; k < lines.length - 1 && !lines[k].blankAfter && entry(k + 1) && after < 2; k++) after++;
  return before >= 2 && after >= 2;
}

export function findHeadline(lines: Line[], bodyStart: number): HeadlineChoice | null {
  let best: HeadlineChoice | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const from = Math.max(0, bodyStart - 60);
  for (let i = from; i < Math.min(lines.length, bodyStart + 7); i++) {
    const { title, rest } = splitGluedHeadline(lines[i].text);
    if (!headlineShaped(title)) continue;
    const words = wordCount(title);
    let score = Math.min(words, 10);
    if (words <= 3) score -= 4;
    if (words > 25) score -= (words - 25) / 2;
    if (endsLikeSentence(title) && !/[?!]["'”’]?$/.test(title)) score -= 4;
    // Two sentences are a standfirst or a notice, not a title.
    if (/\p{Ll}[.!?]\s+\p{Lu}/u.test(title)) score -= 5;
    // Captions carry a credit; a headline does not.
    if (/\)$|\b(?:photo|photograph|credit|getty|reuters|afp|shutterstock)\b|\p{L}\/\p{Lu}/iu.test(title)) score -= 6;
    // Captions and standfirsts are long; headlines rarely run past twenty words.
    if (words > 20) score -= (words - 20) / 2;
    // A line opening with a quotation is more often a pull quote or standfirst than a title.
    if (/^["“]/.test(title)) score -= 2;
    // One entry of a menu.
    if (inMenu(lines, i)) score -= 5;
    let signal = rest ? 7 : 0;
    for (let k = i + 1; !signal && k <= Math.min(i + 4, lines.length - 1); k++) {
      if (isBylineLine(lines[k].text) || isDateLine(lines[k].text)) signal = 8 - (k - i);
    }
    // Past the first prose line only a title followed by its byline or date is a headline.
    if (i >= bodyStart && (signal === 0 || (isProse(title) && /[.:;]$/.test(title)))) continue;
    score += signal;
    if (lines[i + 1]?.text === lines[i].text || lines[i - 1]?.text === lines[i].text) score += 3;
    score -= i < bodyStart ? 0.25 * (bodyStart - i) : 0.5 * (i - bodyStart);
    if (score > bestScore) {
      bestScore = score;
      best = { index: i, text: title, ...(rest ? { rest } : {}) };
    }
  }
  // A repeated headline (page title, then heading): the last copy is the one above the story.
  while (best && lines[best.index + 1]?.text === lines[best.index].text) best = { ...best, index: best.index + 1 };
  return best;
}

export interface HeaderFacts {
  byline: Author[];
  published?: string;
  /** Indexes of the lines used, to be left out of the body. */
  used: Set<number>;
}

/** Byline and date from the lines around the headline: [from, to). Published beats updated. */
export function readHeader(lines: Line[], from: number, to: number): HeaderFacts {
  const used = new Set<number>();
  let byline: Author[] = [];
  let published: string | undefined;
  let updated: string | undefined;
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
    const text = lines[i].text;
    if (byline.length === 0) {
      let names = bylineIn(text);
      // "By" on a line of its own, the name on the next.
      if (!names.length && /^by:?$/i.test(text) && i + 1 < lines.length) {
        names = bylineIn(`By ${lines[i + 1].text}`);
        if (names.length) used.add(i + 1);
      }
      // A date line that ends with its byline: "5:45 AM PST 11/19/2019 by Patrick Shanley".
      const after = /\sby\s+(\p{Lu}.*)$/u.exec(text);
      if (!names.length && after && dateInLine(text.slice(0, after.index))) names = bylineIn(`By ${after[1]}`);
      if (names.length) {
        byline = names;
        used.add(i);
      }
    }
    const date = wordCount(text) <= 24 ? dateInLine(text) : undefined;
    if (date) {
      if (
        /updated|modified|aktualisiert|mis à jour|actualizado|atualizado/i.test(text) &&
        !/published|posted/i.test(text)
      )
        updated ??= date;
      else published ??= date;
      if (wordCount(text) <= 14 || byline.length) used.add(i);
    }
  }
  // A bare name next to the date ("Anna Menin" / "Nov 19, 2019"): the byline without its "By".
  if (byline.length === 0) {
    for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) {
      const near = [i - 1, i + 1].some((k) => k >= 0 && k < lines.length && isDateLine(lines[k].text));
      const text = lines[i].text;
      const candidate = near || dateInLine(text) ? bylineIn(text, { bare: true }) : [];
      if (candidate.length && wordCount(text) <= 12 && !isSectionName(text)) {
        byline = candidate;
        used.add(i);
        break;
      }
    }
  }
  const date = published ?? updated;
  return { byline, ...(date ? { published: date } : {}), used };
}
