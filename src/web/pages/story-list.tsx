/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import { articlePath, sectionPath } from "../urls.ts";
import { formatDate } from "./format.ts";

export interface TeaserImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** A story as a teaser: headline link, summary, date and, optionally, its section and picture. */
export function StoryCard(props: {
  story: ArticleSummary;
  showSection?: boolean;
  lead?: boolean;
  image?: TeaserImage | null;
}) {
  const { story, image } = props;
  const Heading = props.lead ? "h2" : "h3";
  const classes = ["story-card", props.lead ? "lead" : "", image ? "has-image" : ""].filter(Boolean).join(" ");
  return (
    <article class={classes}>
      {image ? (
        <img
          class="story-image"
          src={image.src}
          alt={image.alt}
          width={image.width}
          height={image.height}
          decoding="async"
        />
      ) : null}
      <div class="story-text">
        <Heading class="story-headline">
          <a href={articlePath(story)}>{story.headline}</a>
        </Heading>
        {story.summary ? <p class="story-summary">{story.summary}</p> : null}
        <p class="story-meta">
          {story.firstPublished ? (
            <time datetime={story.firstPublished}>{formatDate(story.firstPublished)}</time>
          ) : null}
          {props.showSection ? (
            <a class="story-section" href={sectionPath(story.sectionSlug)}>
              {story.section}
            </a>
          ) : null}
        </p>
      </div>
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
