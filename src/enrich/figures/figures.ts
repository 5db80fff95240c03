import * as chrono from "chrono-node";
import type { Figure } from "../../model/article.ts";

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCIES: Record<string, string> = { "£": "GBP", $: "USD", "€": "EUR", "¥": "JPY" };
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
};
/** Nouns after a number that measure time or amounts rather than count things. */
const NOT_COUNTED = new Set([
  "years",
  "months",
  "weeks",
  "days",
  "hours",
  "minutes",
  "seconds",
  "times",
  "per",
  "percent",
  "points",
  "pounds",
  "dollars",
  "euros",
  "miles",
  "metres",
  "kilometres",
  "km",
]);

// Each pattern has bounded repetition and no nested quantifiers, so no input can make it backtrack badly.
const MONEY =
  /([£$€¥])\s?(\d{1,3}(?:,\d{3}){1,6}|\d{1,15})(?:\.(\d{1,6}))?(?:\s?(bn|tn|m|k|billion|million|trillion|thousand)\b)?/g;
const PERCENT = /\b(\d{1,9}(?:\.\d{1,6})?)\s?(?:%|per\s?cent\b|percent\b)/g;
const COUNT =
  /\b(\d{1,3}(?:,\d{3}){1,6}|\d{1,9}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|hundreds|thousands)((?: [a-z][a-z-]{1,24}){0,3}) ([a-z][a-z-]{1,24}s)\b/gi;
const YEAR = /\b(1[89]\d\d|20\d\d)\b/g;
/** Only text with one of these words goes to the date parser, which is much slower than a regex. */
const DATE_WORDS =
  /\b(?:yesterday|today|tomorrow|tonight|ago|(?:next|last|this|coming|past) (?:week|weekend|month|year|spring|summer|autumn|winter|decade|century)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/g;

/**
 * Short stretches of text around date words, merged where they overlap: the date parser is
 * slow and its cost must not grow with paragraph length beyond the date words themselves.
 */
function dateWindows(text: string): [number, string][] {
  const windows: [number, number][] = [];
  for (const m of text.matchAll(DATE_WORDS)) {
    const start = Math.max(0, m.index - 40);
    const end = Math.min(text.length, m.index + m[0].length + 40);
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else windows.push([start, end]);
  }
  return windows.map(([a, b]) => [a, text.slice(a, b)]);
}

/** Dates that only mean something from a point in time. */
const RELATIVE = /\b(?:next|last|this|coming|past|ago|yesterday|today|tomorrow|tonight)\b/i;

function toNumber(digits: string, decimals?: string): number {
  return Number(digits.replace(/,/g, "") + (decimals ? `.${decimals}` : ""));
}

/** Money, counts, percentages, years and dates in one paragraph; dates resolved against `reference`. */
export function findFigures(text: string, reference: Date | null): Figure[] {
  const figures: Figure[] = [];
  const taken: [number, number][] = [];
  const free = (start: number, end: number) => !taken.some(([a, b]) => start < b && end > a);
  const take = (start: number, end: number) => taken.push([start, end]);

  for (const m of text.matchAll(MONEY)) {
    const scale = m[4] ? MULTIPLIERS[m[4].toLowerCase()] : 1;
    figures.push({ kind: "money", text: m[0], value: toNumber(m[2], m[3]) * scale, unit: CURRENCIES[m[1]] });
    take(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PERCENT)) {
    if (!free(m.index, m.index + m[0].length)) continue;
    figures.push({ kind: "percent", text: m[0], value: Number(m[1]), unit: "%" });
    take(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(COUNT)) {
    const noun = m[3].toLowerCase();
    const between = m[2].trim().split(" ");
    if (NOT_COUNTED.has(noun) || between.some((w) => NOT_COUNTED.has(w))) continue;
    if (!free(m.index, m.index + m[0].length) || /^(1[89]\d\d|20\d\d)$/.test(m[1])) continue;
    const value = NUMBER_WORDS[m[1].toLowerCase()] ?? toNumber(m[1]);
    figures.push({ kind: "count", text: m[0], value, unit: noun });
    take(m.index, m.index + m[0].length);
  }
  for (const [offset, window] of dateWindows(text)) {
    for (const found of chrono.en.GB.parse(window, reference ?? undefined)) {
      const r = { ...found, start: found.start, index: found.index + offset, text: found.text };
      if (!free(r.index, r.index + r.text.length)) continue;
      // "World Today programme", "Sunday Times": a capitalised date word inside a name.
      const following = text.slice(r.index + r.text.length, r.index + r.text.length + 2);
      if (/^\s\p{Lu}/u.test(following) || /^(?:Today|Tonight|This|Next|Last)\b/.test(r.text)) continue;
      const relative = RELATIVE.test(r.text) || !r.start.isCertain("year");
      // Without the article's date, a relative date ("next year") cannot be placed in time.
      if (!reference && relative) {
        figures.push({ kind: "date", text: r.text });
        continue;
      }
      const iso = r.start.date().toISOString();
      const precise = r.start.isCertain("day") || r.start.isCertain("weekday");
      const monthly = r.start.isCertain("month");
      figures.push({
        kind: "date",
        text: r.text,
        date: precise ? iso.slice(0, 10) : monthly ? iso.slice(0, 7) : iso.slice(0, 4),
      });
      take(r.index, r.index + r.text.length);
    }
  }
  for (const m of text.matchAll(YEAR)) {
    if (!free(m.index, m.index + 4)) continue;
    figures.push({ kind: "year", text: m[0], value: Number(m[1]), date: m[1] });
    take(m.index, m.index + 4);
  }
  return figures;
}
