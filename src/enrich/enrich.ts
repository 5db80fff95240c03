import type { Article, Figure } from "../model/article.ts";
import { cleanMentions, isRoleOnly } from "./entities/clean.ts";
import { completeNames } from "./entities/full-names.ts";
import { findMentions, type Mention, tidyMentions } from "./entities/mentions.ts";
import { groupNames } from "./entities/names.ts";
import { applyOrganisationCues } from "./entities/org-cues.ts";
import { resolvePeople } from "./entities/people.ts";
import { findFigures } from "./figures/figures.ts";
import { detectLanguage, isEnglish } from "./language.ts";
import { extractQuotes } from "./quotes/extract.ts";
import { textUnits } from "./text-units.ts";

/**
 * At most this many quotes and this many entities of each kind per article. A real story has
 * dozens; thousands come only from a hostile or broken body and would cost a row each in every
 * derived table and index.
 */
export const MAX_QUOTES_PER_ARTICLE = 300;
export const MAX_ENTITIES_PER_KIND = 300;

/** A last check on what a reader sees: names built from several mentions may still be a bare title. */
const isName = (name: string) => !isRoleOnly(name.split(/\s+/));

/**
 * Fills an article's people, organisations, places, quotes and figures from its text.
 * Pure and synchronous: importers call it before storing, `extract` before printing.
 */
export function enrichArticle(article: Article): Article {
  return enrichTraced(article).article;
}

/** enrichArticle, and for each quote the attribution sieve that chose its speaker (for evaluation). */
export function enrichTraced(article: Article): { article: Article; sieves: string[] } {
  const language = detectLanguage(article);
  if (!isEnglish(language)) {
    // The tagger and the quote rules know English only: on other text they tag "La" and "Conseil".
    const skipped: Article = {
      ...article,
      language,
      people: [],
      organisations: [],
      places: [],
      quotes: [],
      figures: [],
      enrichment: { skipped: "language", language },
    };
    return { article: skipped, sieves: [] };
  }
  // A note from an earlier run (before an editor fixed the language) no longer holds.
  const { enrichment: _earlier, ...full } = article;
  const units = textUnits(article);
  const bylineNames = new Set(article.byline.map((b) => b.name.toLowerCase().replace(/\s+/g, " ").trim()));
  const tidied = tidyMentions(units, cleanMentions(units, findMentions(units), bylineNames));
  const mentions: Mention[] = applyOrganisationCues(units, completeNames(units, tidied));
  const people = resolvePeople(units, mentions);
  const personNames = new Set<string>();
  for (const p of people.people) {
    personNames.add(p.name.toLowerCase());
    personNames.add(p.name.split(" ").pop()!.toLowerCase());
  }
  const named = groupNames(units, mentions, personNames);
  const traced = extractQuotes(units, people, mentions, named.canonical);
  const reference = article.firstPublished ? new Date(article.firstPublished) : null;
  const figures: Figure[] = [];
  for (const u of units) if (u.kind !== "headline") figures.push(...findFigures(u.text, reference));
  const quotes = traced.map(({ sieve: _sieve, ...q }) => q);
  const enriched: Article = {
    ...full,
    // A person merged into a fuller name has no references of its own.
    people: people.people
      .filter((p) => p.references > 0 && isName(p.name))
      .map((p) => ({ name: p.name, aliases: p.aliases, ...(p.role ? { role: p.role } : {}) }))
      .slice(0, MAX_ENTITIES_PER_KIND),
    organisations: named.organisations.filter((e) => isName(e.name)).slice(0, MAX_ENTITIES_PER_KIND),
    places: named.places.filter((e) => isName(e.name)).slice(0, MAX_ENTITIES_PER_KIND),
    quotes: quotes.slice(0, MAX_QUOTES_PER_ARTICLE),
    figures,
  };
  return { article: enriched, sieves: traced.slice(0, MAX_QUOTES_PER_ARTICLE).map((q) => q.sieve) };
}
