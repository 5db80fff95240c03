/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { Breaking } from "../fronts.ts";
import type { SectionFront } from "../queries.ts";
import type { Site } from "../site.ts";
import { sectionPath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { StoryCard, type TeaserImage } from "./story-list.tsx";

export interface HomeView {
  /** The editor's lead, else the newest story. */
  lead: ArticleSummary | undefined;
  /** The editor's top stories in order, then the newest not shown. */
  top: ArticleSummary[];
  fronts: SectionFront[];
  breaking: Breaking | null;
}

export function HomePage(props: { site: Site; view: HomeView; leadImage: TeaserImage | null }) {
  const { site, view } = props;
  const { t } = site;
  const sections = view.fronts.map((f) => f.section);
  const shown = new Set([view.lead?.id, ...view.top.map((s) => s.id)]);
  return (
    <Layout
      site={site}
      sections={sections}
      meta={{ title: t.home, description: site.description || site.name, path: "/", breaking: view.breaking }}
    >
      <h1 class="visually-hidden">{t.topStories(site.name)}</h1>
      {view.lead ? (
        <section class="top-story" aria-label={t.topStory}>
          <StoryCard site={site} story={view.lead} lead showSection image={props.leadImage} />
        </section>
      ) : (
        <p class="empty">{t.noStories}</p>
      )}
      {view.top.length > 0 ? (
        <ul class="story-grid top-stories">
          {view.top.map((story) => (
            <li>
              <StoryCard site={site} story={story} showSection />
            </li>
          ))}
        </ul>
      ) : null}
      <div class="fronts">
        {view.fronts.map((front) => {
          const id = `front-${front.section.slug}`;
          const stories = front.stories.filter((s) => !shown.has(s.id));
          if (stories.length === 0) return null;
          return (
            <section class="front" aria-labelledby={id}>
              <h2 id={id} class="front-title">
                <a href={sectionPath(front.section.slug)}>{front.section.name}</a>
              </h2>
              <ul class="story-grid">
                {stories.map((story) => (
                  <li>
                    <StoryCard site={site} story={story} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </Layout>
  );
}
