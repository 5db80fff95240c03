import type { Store } from "./store.ts";

export interface SearchQuery {
  q: string;
  section?: string;
  /** An entity tag slug, e.g. `david-cameron`, optionally limited by kind. */
  tag?: string;
  tagKind?: "person" | "organisation" | "place";
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
  /** HTML-escaped text with matches wrapped in <mark>. */
  snippet: string;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** A query the user can fix (unbalanced quote, too long, …): a 400 on the web, one line on the CLI. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchQueryError";
  }
}

/** Full-text search with the store's own engine (FTS5 or PostgreSQL text search). */
export async function searchArticles(_store: Store, _query: SearchQuery): Promise<SearchResult> {
  return { total: 0, hits: [] };
}
