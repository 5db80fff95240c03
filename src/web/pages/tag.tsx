/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { QuoteByPerson, SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { articlePath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { Pager, pagePath } from "./pager.tsx";
import { StoryList } from "./story-list.tsx";
import { Time } from "./time.tsx";

export interface ListingView {
  kind: "person" | "organisation" | "place" | "author";
  name: string;
  /** The listing's own address (page 1). */
  path: string;
  articles: ArticleSummary[];
  page: number;
  last: number;
  /** Person pages, first page only: what they were quoted saying. */
  quotes: QuoteByPerson[];
}

/** A person, organisation, place or author: their stories first (paginated), then their words. */
export function TagPage(props: { site: Site; view: ListingView; sections: SectionInfo[] }) {
  const { site, view } = props;
  const { t } = site;
  const { page, last } = view;
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: page > 1 ? `${view.name} (${t.pageOf(page, last)})` : view.name,
        description: t.storiesAbout(view.name, site.name),
        path: pagePath(view.path, page),
        prev: page > 1 ? pagePath(view.path, page - 1) : undefined,
        next: page < last ? pagePath(view.path, page + 1) : undefined,
      }}
    >
      <header class="page-header">
        <p class="kicker">{t.kind[view.kind]}</p>
        <h1>{view.name}</h1>
      </header>
      <section aria-labelledby="stories-title">
        <h2 id="stories-title">{t.stories}</h2>
        <StoryList site={site} stories={view.articles} showSection />
        <Pager site={site} base={view.path} page={page} last={last} />
      </section>
      {view.quotes.length > 0 ? (
        <section class="person-quotes" aria-labelledby="quotes-title">
          <h2 id="quotes-title">{t.inTheirWords}</h2>
          <ul>
            {view.quotes.map((q) => (
              <li>
                <figure class="quote">
                  <blockquote>
                    <p>{q.type === "direct" ? <q>{q.text}</q> : q.text}</p>
                  </blockquote>
                  <figcaption>
                    <cite>{view.name}</cite>, {t.inStory} <a href={articlePath(q.article)}>{q.article.headline}</a>
                    {q.published ? (
                      <>
                        {" "}
                        (<Time site={site} iso={q.published} />)
                      </>
                    ) : null}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
