import type { Article } from "../../model/article.ts";
import { creditedSource, sectionSlug } from "../../model/article.ts";
import { correctionNotes, latestChange } from "../pages/corrections.tsx";
import { creditText } from "../pages/source-credit.tsx";
import type { Site } from "../site.ts";
import { absolute, articlePath } from "../urls.ts";

/** One story as every feed format sees it. */
export interface FeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Correction notices as plain text, one a line; empty when there are none. */
  corrections: string;
  section: string;
  authors: string[];
  published: string;
  updated: string;
  language: string;
  /** The original of an imported story, credited in every format; absent for our own stories. */
  source?: { url: string; publisher: string; published?: string; credit: string };
}

export interface FeedData {
  title: string;
  description: string;
  /** Absolute URL of the page the feed mirrors (home or section front). */
  homeUrl: string;
  sectionSlug?: string;
  items: FeedItem[];
  /** Newest change among the items; the feed's own updated time. */
  updated: string;
}

export const FEED_LENGTH = 50;

/** What an item says about itself: its summary (else headline), then any correction notices. */
export function itemText(item: FeedItem): string {
  const text = item.summary || item.title;
  const withCredit = item.source ? `${text}\n\n${item.source.credit}` : text;
  return item.corrections ? `${withCredit}\n\n${item.corrections}` : withCredit;
}

export async function feedData(site: Site, section?: { slug: string; name: string }): Promise<FeedData> {
  const rows = await site.store.site.feedArticles(section?.slug, FEED_LENGTH);
  const items = rows.map((r) => toItem(site, r.article, r.modifiedAt));
  // ISO timestamps in UTC sort as strings.
  const updated =
    items
      .map((i) => i.updated)
      .sort()
      .at(-1) ?? "1970-01-01T00:00:00.000Z";
  return {
    title: section ? `${section.name} — ${site.name}` : site.name,
    description: section ? `The latest ${section.name} stories from ${site.name}.` : site.description,
    homeUrl: absolute(site.baseUrl, section ? `/news/${section.slug}` : "/"),
    sectionSlug: section?.slug,
    items,
    updated,
  };
}

function toItem(site: Site, a: Article, modifiedAt: string): FeedItem {
  const published = a.firstPublished ?? modifiedAt;
  const corrections = a.corrections;
  return {
    id: a.id,
    url: absolute(site.baseUrl, articlePath({ sectionSlug: sectionSlug(a.section), slug: a.slug })),
    title: a.headline,
    summary: a.summary,
    corrections: correctionNotes(corrections),
    section: a.section,
    authors: a.byline.map((p) => p.name),
    published: new Date(published).toISOString(),
    // A correction is a change readers must see, even when `updated` was not moved with it.
    updated: new Date(latestChange(a.updated ?? published, corrections)).toISOString(),
    language: a.language,
    source: feedSource(a),
  };
}

function feedSource(a: Article): FeedItem["source"] {
  const source = creditedSource(a);
  if (!source) return undefined;
  const publisher = source.publisher ?? new URL(source.url).hostname;
  return {
    url: source.url,
    publisher,
    published: source.published,
    credit: `${creditText(publisher, source.published)}: ${source.url}`,
  };
}
