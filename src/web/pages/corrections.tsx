/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Correction } from "../../model/article.ts";
import type { Site } from "../site.ts";
import { formatDateTime } from "./format.ts";

/**
 * Correction notices, oldest first, under the headline so no reader misses them. A section with
 * its own heading, so screen-reader users find it in the headings list.
 */
export function Corrections({ site, corrections }: { site: Site; corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  const { t } = site;
  return (
    <section class="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{corrections.length === 1 ? t.correction : t.corrections}</h2>
      <ul>
        {corrections.map((c) => (
          <li>
            <time datetime={site.time.localIso(c.at)}>{site.time.dateTime(c.at)}</time>: {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The notices as plain text for feeds: "Correction (12 March 2026, 14:05 UTC): …", one a line. */
export function correctionNotes(corrections: Correction[]): string {
  return corrections.map((c) => `Correction (${formatDateTime(c.at)}): ${c.text}`).join("\n");
}

/** The newer of an article's own updated time and its latest correction. */
export function latestChange(updated: string, corrections: Correction[]): string {
  return corrections.reduce((latest, c) => (Date.parse(c.at) > Date.parse(latest) ? c.at : latest), updated);
}
