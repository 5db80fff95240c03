import type { Article, Figure } from "../model/article.ts";
import { completeNames } from "./entities/full-names.ts";
import { findMentions, type Mention, tidyMentions } from "./entities/mentions.ts";
import { groupNames } from "./entities/names.ts";
import { applyOrganisationCues } from "./entities/org-cues.ts";
import { resolvePeople } from "./entities/people.ts";
import { findFigures } from "./figures/figures.ts";
import { extractQuotes } from "./quotes/extract.ts";
import { textUnits } from "./text-units.ts";

/**
 * Fills an article's people, organisations, places, quotes and figures from its text.
 * Pure and synchronous: importers call it before storing, `extract` before printing.
 */
export function enrichArticle(article: Article): Article {
  const units = textUnits(article);
  const tidied = tidyMentions(units, findMentions(units));
  const mentions: Mention[] = applyOrganisationCues(units, completeNames(units, tidied));
  const people = resolvePeople(units, mentions);
  const personNames = new Set<string>();
  for (const p of people.people) {
    personNames.add(p.name.toLowerCase());
    personNames.add(p.name.split(" ").pop()!.toLowerCase());
  }
  const named = groupNames(units, mentions, personNames);
  const quotes = extractQuotes(units, people, mentions, named.canonical);
  const reference = article.firstPublished ? new Date(article.firstPublished) : null;
  const figures: Figure[] = [];
  for (const u of units) if (u.kind !== "headline") figures.push(...findFigures(u.text, reference));
  return {
    ...article,
    // A person merged into a fuller name has no references of its own.
    people: people.people.filter((p) => p.references > 0).map((p) => ({ name: p.name, aliases: p.aliases })),
    organisations: named.organisations,
    places: named.places,
    quotes,
    figures,
  };
}
