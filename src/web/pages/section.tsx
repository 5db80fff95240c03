/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { Breaking } from "../fronts.ts";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { feedPath, sectionPath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { Pager, pagePath } from "./pager.tsx";
import { StoryCard, StoryList, type TeaserImage } from "./story-list.tsx";

export interface SectionView {
  section: SectionInfo;
  /** Page 1: the editor's (or the newest) lead; later pages have none. */
  lead: ArticleSummary | undefined;
  stories: ArticleSummary[];
  page: number;
  last: number;
  breaking: Breaking | null;
}

export function SectionPage(props: {
  site: Site;
  view: SectionView;
  sections: SectionInfo[];
  leadImage: TeaserImage | null;
}) {
  const { site, view } = props;
  const { section, lead, stories, page, last } = view;
  const { t } = site;
  const base = sectionPath(section.slug);
  const head = (
    <>
      <link
        rel="alternate"
        type="application/rss+xml"
        title={`${section.name} — ${site.name}`}
        href={feedPath("rss", section.slug)}
      />
      <link
        rel="alternate"
        type="application/atom+xml"
        title={`${section.name} — ${site.name} (Atom)`}
        href={feedPath("atom", section.slug)}
      />
      <link
        rel="alternate"
        type="application/feed+json"
        title={`${section.name} — ${site.name} (JSON Feed)`}
        href={feedPath("json", section.slug)}
      />
    </>
  );
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: page > 1 ? `${section.name} (${t.pageOf(page, last)})` : section.name,
        description: t.latestStories(section.name, site.name),
        path: pagePath(base, page),
        currentSection: section.slug,
        head,
        prev: page > 1 ? pagePath(base, page - 1) : undefined,
        next: page < last ? pagePath(base, page + 1) : undefined,
        breaking: view.breaking,
      }}
    >
      <header class="page-header">
        <h1>{section.name}</h1>
        <p class="feed-links">
          {t.followSection} <a href={feedPath("rss", section.slug)}>RSS</a>,{" "}
          <a href={feedPath("atom", section.slug)}>Atom</a>, <a href={feedPath("json", section.slug)}>JSON Feed</a>
        </p>
      </header>
      {lead ? (
        <section class="top-story" aria-label={t.latest}>
          <StoryCard site={site} story={lead} lead image={props.leadImage} />
        </section>
      ) : null}
      {stories.length > 0 ? (
        <section aria-label={t.moreStories}>
          <StoryList site={site} stories={stories} />
        </section>
      ) : null}
      <Pager site={site} base={base} page={page} last={last} />
    </Layout>
  );
}
