/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { feedPath, sectionPath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { StoryCard, StoryList, type TeaserImage } from "./story-list.tsx";

export function SectionPage(props: {
  site: Site;
  section: SectionInfo;
  stories: ArticleSummary[];
  sections: SectionInfo[];
  leadImage: TeaserImage | null;
}) {
  const { site, section, stories } = props;
  const [lead, ...rest] = stories;
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
        title: section.name,
        description: `The latest ${section.name} stories from ${site.name}.`,
        path: sectionPath(section.slug),
        currentSection: section.slug,
        head,
      }}
    >
      <header class="page-header">
        <h1>{section.name}</h1>
        <p class="feed-links">
          Follow this section: <a href={feedPath("rss", section.slug)}>RSS</a>,{" "}
          <a href={feedPath("atom", section.slug)}>Atom</a>, <a href={feedPath("json", section.slug)}>JSON Feed</a>
        </p>
      </header>
      {lead ? (
        <section class="top-story" aria-label="Latest">
          <StoryCard story={lead} lead image={props.leadImage} />
        </section>
      ) : null}
      {rest.length > 0 ? (
        <section aria-label="More stories">
          <StoryList stories={rest} />
        </section>
      ) : null}
    </Layout>
  );
}
