/**
 * Times as readers see them, in the site's time zone and language: "12 March 2026",
 * "12 March 2026, 14:05 GMT" (BST in summer for Europe/London), "2 hours ago" for recent stories,
 * and the local time with its offset ("2026-03-12T14:05:00+00:00") for `datetime` attributes.
 */

export interface TimeFormat {
  timeZone: string;
  locale: string;
  date(iso: string): string;
  dateTime(iso: string): string;
  /** "2 hours ago" within a day of `now`, else the date. */
  relative(iso: string, now?: number): string;
  /** The instant in the zone's local time with its UTC offset, for `datetime`. */
  localIso(iso: string): string;
  /** "March 2005" */
  month(year: number, month: number): string;
  /** Offset of the zone from UTC at an instant, in minutes (60 for BST). */
  offsetMinutes(at: number): number;
}

/** Within this, a time reads as "N minutes/hours ago". */
export const RELATIVE_WINDOW_MS = 24 * 3600_000;

const formats = new Map<string, TimeFormat>();

/** One formatter per zone and language (Intl formatters are costly to build). */
export function timeFormat(timeZone = "Europe/London", locale = "en-GB"): TimeFormat {
  const key = `${timeZone}|${locale}`;
  const known = formats.get(key);
  if (known) return known;
  const dateFmt = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  const zoneFmt = new Intl.DateTimeFormat(locale === "ar" || locale.startsWith("ar-") ? "en-GB" : locale, {
    timeZone,
    timeZoneName: "short",
  });
  // en-GB names London's zones GMT and BST; other locales may say UTC+1, which is still honest.
  const zoneName = (d: Date) => zoneFmt.formatToParts(d).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  const monthFmt = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const partsFmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const offsetMinutes = (at: number) => {
    const p = Object.fromEntries(partsFmt.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
  };
  const format: TimeFormat = {
    timeZone,
    locale,
    date: (iso) => dateFmt.format(new Date(iso)),
    dateTime(iso) {
      const d = new Date(iso);
      return `${dateFmt.format(d)}, ${timeFmt.format(d)} ${zoneName(d)}`;
    },
    relative(iso, now = Date.now()) {
      const at = Date.parse(iso);
      const ago = now - at;
      if (!(ago >= 0 && ago < RELATIVE_WINDOW_MS)) return dateFmt.format(new Date(at));
      if (ago < 60_000) return rtf.format(0, "minute");
      if (ago < 3600_000) return rtf.format(-Math.floor(ago / 60_000), "minute");
      return rtf.format(-Math.floor(ago / 3600_000), "hour");
    },
    localIso(iso) {
      const at = Date.parse(iso);
      const offset = offsetMinutes(at);
      const local = new Date(at + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? "-" : "+";
      const abs = Math.abs(offset);
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
    },
    month: (year, month) => monthFmt.format(new Date(Date.UTC(year, month - 1, 15))),
    offsetMinutes,
  };
  formats.set(key, format);
  return format;
}

/** The UTC instant at which a local calendar day starts in the zone (for date archives). */
export function zonedStart(format: TimeFormat, year: number, month: number, day = 1): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes settle the offset around a DST change.
  let at = guess - format.offsetMinutes(guess) * 60_000;
  at = guess - format.offsetMinutes(at) * 60_000;
  return new Date(at);
}

const utc = timeFormat("UTC", "en-GB");

/** UTC forms for places with no site at hand (correction notes in feeds). */
export function formatDate(iso: string): string {
  return utc.date(iso);
}

export function formatDateTime(iso: string): string {
  return utc.dateTime(iso);
}
