/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { Site } from "../site.ts";
import { articlePath, sectionPath } from "../urls.ts";
import { Time } from "./time.tsx";

export interface TeaserImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** A story as a teaser: headline link, summary, date and, optionally, its section and picture. */
export function StoryCard(props: {
  site: Site;
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
          {story.firstPublished ? <Time site={props.site} iso={story.firstPublished} /> : null}
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

export function StoryList(props: { site: Site; stories: ArticleSummary[]; showSection?: boolean }) {
  return (
    <ul class="story-list">
      {props.stories.map((story) => (
        <li>
          <StoryCard site={props.site} story={story} showSection={props.showSection} />
        </li>
      ))}
    </ul>
  );
}
