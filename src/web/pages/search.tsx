/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import type { SearchResult } from "../../store/search.ts";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { articlePath, sectionPath } from "../urls.ts";
import { formatDate } from "./format.ts";
import { Layout } from "./layout.tsx";

export interface SearchView {
  q: string;
  page: number;
  pageSize: number;
  result: SearchResult | null;
  /** A query the reader must fix, shown instead of results. */
  error?: string;
}

function pageLink(q: string, page: number): string {
  return `/search?${new URLSearchParams({ q, page: String(page) })}`;
}

export function SearchPage(props: { site: Site; view: SearchView; sections: SectionInfo[] }) {
  const { site, view } = props;
  const result = view.result;
  const last = result ? Math.max(1, Math.ceil(result.total / view.pageSize)) : 1;
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: view.q ? `Search: ${view.q}` : "Search",
        description: `Search ${site.name}.`,
        path: "/search",
        noindex: true,
      }}
    >
      <header class="page-header">
        <h1>Search</h1>
        <search class="search-page-form" aria-label="Search stories">
          <form action="/search" method="get">
            <label for="search-q">Search for stories</label>
            <div class="search-row">
              <input id="search-q" name="q" type="search" value={view.q} />
              <button type="submit">Search</button>
            </div>
          </form>
        </search>
      </header>
      {view.error ? (
        <p class="notice" role="alert">
          {view.error}
        </p>
      ) : null}
      {result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            {result.total === 0
              ? `No results for “${view.q}”`
              : `${result.total} result${result.total === 1 ? "" : "s"} for “${view.q}”`}
          </h2>
          <ol class="search-results">
            {result.hits.map((hit) => (
              <li>
                <article class="story-card">
                  <h3 class="story-headline">
                    <a href={articlePath(hit)}>{hit.headline}</a>
                  </h3>
                  {/* The store returns the snippet HTML-escaped with only <mark> added. */}
                  <p class="story-summary">{raw(hit.snippet)}</p>
                  <p class="story-meta">
                    {hit.firstPublished ? (
                      <time datetime={hit.firstPublished}>{formatDate(hit.firstPublished)}</time>
                    ) : null}
                    <a class="story-section" href={sectionPath(hit.sectionSlug)}>
                      {hit.section}
                    </a>
                  </p>
                </article>
              </li>
            ))}
          </ol>
          {last > 1 ? (
            <nav class="pager" aria-label="Result pages">
              {view.page > 1 ? (
                <a href={pageLink(view.q, view.page - 1)} rel="prev">
                  Previous
                </a>
              ) : null}
              <span>
                Page {view.page} of {last}
              </span>
              {view.page < last ? (
                <a href={pageLink(view.q, view.page + 1)} rel="next">
                  Next
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
