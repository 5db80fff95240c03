/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Site } from "../site.ts";
import { RELATIVE_WINDOW_MS } from "./format.ts";

/**
 * A time as readers see it: "2 hours ago" within a day (else the date, or with `full` the date and
 * time with its zone, GMT or BST), with the full local time on hover (`title`) and the local time
 * with its UTC offset in `datetime`.
 */
export function Time(props: { site: Site; iso: string; full?: boolean }) {
  const { site, iso } = props;
  const { time } = site;
  const age = site.now() - Date.parse(iso);
  const recent = age >= 0 && age < RELATIVE_WINDOW_MS;
  const text = recent ? time.relative(iso, site.now()) : props.full ? time.dateTime(iso) : time.date(iso);
  return (
    <time datetime={time.localIso(iso)} title={time.dateTime(iso)}>
      {text}
    </time>
  );
}

/** How long a page showing these times stays right: a minute while one reads "N minutes ago". */
export function freshForMs(site: Site, times: (string | null | undefined)[]): number | undefined {
  let youngest = Number.POSITIVE_INFINITY;
  for (const t of times) {
    if (!t) continue;
    const age = site.now() - Date.parse(t);
    if (age >= 0) youngest = Math.min(youngest, age);
  }
  if (youngest < 3600_000) return 60_000;
  if (youngest < RELATIVE_WINDOW_MS) return 5 * 60_000;
  return undefined;
}
