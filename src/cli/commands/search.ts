import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

interface SearchOptions {
  db?: string;
  section?: string;
  tag?: string;
  tagKind?: string;
  from?: string;
  to?: string;
  limit: string;
  offset: string;
  json?: boolean;
}

/** The snippet for a terminal: matches in [brackets], entities decoded. */
function plainSnippet(html: string): string {
  return html
    .replace(/<mark>/g, "[")
    .replace(/<\/mark>/g, "]")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export function register(program: Command): void {
  dbOption(
    program
      .command("search")
      .description('Full-text search: words, "exact phrases" and -exclusions; headline matches rank first')
      .argument("<query>", "what to search for")
      .option("--section <section>", "only this section")
      .option("--tag <tag>", "only articles tagged with this person, organisation or place")
      .option("--tag-kind <kind>", "person, organisation or place (with --tag)")
      .option("--from <date>", "published on or after this date (YYYY-MM-DD)")
      .option("--to <date>", "published on or before this date (YYYY-MM-DD)")
      .option("--limit <n>", "results per page", "20")
      .option("--offset <n>", "results to skip", "0")
      .option("--json", "print JSON"),
  ).action(async (q: string, options: SearchOptions) => {
    const { searchArticles, SearchQueryError, resultCountText } = await import("../../store/search.ts");
    await withStore(options.db, async (store) => {
      if (options.section !== undefined) {
        // An unknown section is a mistake to name, not "0 results".
        const { sectionSlug } = await import("../../model/article.ts");
        const sections = await store.site.sections();
        if (!sections.some((s) => s.slug === sectionSlug(options.section!))) {
          const known = sections.map((s) => s.name).slice(0, 20);
          throw new UserError(
            `search: no section "${options.section}" has published articles${known.length > 0 ? `; sections: ${known.join(", ")}` : ""}`,
            2,
          );
        }
      }
      try {
        const result = await searchArticles(store, {
          q,
          section: options.section,
          tag: options.tag,
          tagKind: options.tagKind as "person" | undefined,
          from: options.from,
          to: options.to,
          limit: Number(options.limit),
          offset: Number(options.offset),
        });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        process.stdout.write(`${resultCountText(result)}\n`);
        for (const h of result.hits) {
          process.stdout.write(
            `\n${h.headline} (${h.id})\n  ${h.section} · ${h.firstPublished?.slice(0, 10) ?? "undated"} · score ${h.score.toFixed(2)}\n  ${plainSnippet(h.snippet)}\n`,
          );
        }
      } catch (error) {
        if (error instanceof SearchQueryError) throw new UserError(`search: ${error.message}`, 2);
        throw error;
      }
    });
  });
}
