/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { resultCountText, type SearchResult } from "../../store/search.ts";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { articlePath, sectionPath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { Time } from "./time.tsx";

/** Narrowing a search: a section slug, an entity tag, a date range (ISO dates, inclusive). */
export interface SearchFilters {
  section?: string;
  tag?: string;
  from?: string;
  to?: string;
}

export interface SearchView {
  q: string;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  result: SearchResult | null;
  /** A query the reader must fix, shown instead of results. */
  error?: string;
}

function pageLink(view: SearchView, page: number): string {
  const params = new URLSearchParams({ q: view.q });
  for (const [name, value] of Object.entries(view.filters)) if (value) params.set(name, value);
  params.set("page", String(page));
  return `/search?${params}`;
}

export function SearchPage(props: { site: Site; view: SearchView; sections: SectionInfo[] }) {
  const { site, view } = props;
  const { t } = site;
  const result = view.result;
  const last = result ? Math.max(1, Math.ceil(result.total / view.pageSize)) : 1;
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: view.q ? `${t.search}: ${view.q}` : t.search,
        description: t.searchSite(site.name),
        path: "/search",
        noindex: true,
      }}
    >
      <header class="page-header">
        <h1>{t.search}</h1>
        <search class="search-page-form" aria-label={t.searchForStories}>
          <form action="/search" method="get">
            <label for="search-q">{t.searchForStories}</label>
            <div class="search-row">
              <input id="search-q" name="q" type="search" value={view.q} />
              <button type="submit">{t.search}</button>
            </div>
            <fieldset class="search-filters">
              <legend>{t.narrowSearch}</legend>
              <div>
                <label for="search-section">{t.section}</label>
                <select id="search-section" name="section">
                  <option value="">{t.allSections}</option>
                  {props.sections.map((s) => (
                    <option value={s.slug} selected={s.slug === view.filters.section}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for="search-from">{t.from}</label>
                <input id="search-from" name="from" type="date" value={view.filters.from ?? ""} />
              </div>
              <div>
                <label for="search-to">{t.to}</label>
                <input id="search-to" name="to" type="date" value={view.filters.to ?? ""} />
              </div>
              {view.filters.tag ? <input type="hidden" name="tag" value={view.filters.tag} /> : null}
            </fieldset>
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
            {result.total === 0 ? t.noResults(view.q) : t.resultsFor(resultCountText(result), view.q)}
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
                    {hit.firstPublished ? <Time site={site} iso={hit.firstPublished} /> : null}
                    <a class="story-section" href={sectionPath(hit.sectionSlug)}>
                      {hit.section}
                    </a>
                  </p>
                </article>
              </li>
            ))}
          </ol>
          {last > 1 ? (
            <nav class="pager" aria-label={t.pages}>
              {view.page > 1 ? (
                <a href={pageLink(view, view.page - 1)} rel="prev">
                  {t.previous}
                </a>
              ) : null}
              <span>{t.pageOf(view.page, last)}</span>
              {view.page < last ? (
                <a href={pageLink(view, view.page + 1)} rel="next">
                  {t.next}
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </Layout>
  );
}
