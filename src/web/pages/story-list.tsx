/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import { articlePath, sectionPath } from "../urls.ts";
import { formatDate } from "./format.ts";

/** A story as a teaser: headline link, summary, date and, optionally, its section. */
export function StoryCard(props: { story: ArticleSummary; showSection?: boolean; lead?: boolean }) {
  const { story } = props;
  const Heading = props.lead ? "h2" : "h3";
  return (
    <article class={props.lead ? "story-card lead" : "story-card"}>
      <Heading class="story-headline">
        <a href={articlePath(story)}>{story.headline}</a>
      </Heading>
      {story.summary ? <p class="story-summary">{story.summary}</p> : null}
      <p class="story-meta">
        {story.firstPublished ? <time datetime={story.firstPublished}>{formatDate(story.firstPublished)}</time> : null}
        {props.showSection ? (
          <a class="story-section" href={sectionPath(story.sectionSlug)}>
            {story.section}
          </a>
        ) : null}
      </p>
    </article>
  );
}

export function StoryList(props: { stories: ArticleSummary[]; showSection?: boolean }) {
  return (
    <ul class="story-list">
      {props.stories.map((story) => (
        <li>
          <StoryCard story={story} showSection={props.showSection} />
        </li>
      ))}
    </ul>
  );
}
