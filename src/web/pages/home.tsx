/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { SectionFront } from "../queries.ts";
import type { Site } from "../site.ts";
import { sectionPath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { StoryCard, type TeaserImage } from "./story-list.tsx";

/** The newest story across the sections: the home page leads with it. */
export function topStory(fronts: SectionFront[]): ArticleSummary | undefined {
  return fronts
    .flatMap((f) => f.stories)
    .sort((a, b) => (b.firstPublished ?? "").localeCompare(a.firstPublished ?? ""))[0];
}

export function HomePage(props: { site: Site; fronts: SectionFront[]; leadImage: TeaserImage | null }) {
  const { site, fronts } = props;
  const sections = fronts.map((f) => f.section);
  const newest = topStory(fronts);
  return (
    <Layout site={site} sections={sections} meta={{ title: "Home", description: site.description, path: "/" }}>
      <h1 class="visually-hidden">{site.name}: top stories</h1>
      {newest ? (
        <section class="top-story" aria-label="Top story">
          <StoryCard story={newest} lead showSection image={props.leadImage} />
        </section>
      ) : (
        <p class="empty">No stories have been published yet.</p>
      )}
      <div class="fronts">
        {fronts.map((front) => {
          const id = `front-${front.section.slug}`;
          const stories = front.stories.filter((s) => s.id !== newest?.id);
          return (
            <section class="front" aria-labelledby={id}>
              <h2 id={id} class="front-title">
                <a href={sectionPath(front.section.slug)}>{front.section.name}</a>
              </h2>
              <ul class="story-grid">
                {stories.map((story) => (
                  <li>
                    <StoryCard story={story} />
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
