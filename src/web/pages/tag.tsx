/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { QuoteByPerson, SectionInfo, TagPage as TagData } from "../queries.ts";
import type { Site } from "../site.ts";
import { articlePath, tagPath } from "../urls.ts";
import { formatDate } from "./format.ts";
import { Layout } from "./layout.tsx";
import { StoryList } from "./story-list.tsx";

const kindLabel = { person: "Person", organisation: "Organisation", place: "Place" } as const;

export function TagPage(props: { site: Site; data: TagData; quotes: QuoteByPerson[]; sections: SectionInfo[] }) {
  const { site, data, quotes } = props;
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: data.name,
        description: `Stories about ${data.name} from ${site.name}.`,
        path: tagPath(data.kind, data.tag),
      }}
    >
      <header class="page-header">
        <p class="kicker">{kindLabel[data.kind]}</p>
        <h1>{data.name}</h1>
      </header>
      {quotes.length > 0 ? (
        <section class="person-quotes" aria-labelledby="quotes-title">
          <h2 id="quotes-title">In their words</h2>
          <ul>
            {quotes.map((q) => (
              <li>
                <figure class="quote">
                  <blockquote>
                    <p>{q.type === "direct" ? <q>{q.text}</q> : q.text}</p>
                  </blockquote>
                  <figcaption>
                    <cite>{data.name}</cite>, in <a href={articlePath(q.article)}>{q.article.headline}</a>
                    {q.published ? (
                      <>
                        {" "}
                        (<time datetime={q.published}>{formatDate(q.published)}</time>)
                      </>
                    ) : null}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="stories-title">
        <h2 id="stories-title">Stories</h2>
        <StoryList stories={data.articles} showSection />
      </section>
    </Layout>
  );
}
