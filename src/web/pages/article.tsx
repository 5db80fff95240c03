/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { Blocks } from "../../blocks/render.tsx";
import type { BlockContext } from "../../blocks/render-context.ts";
import {
  type Article,
  authorTag,
  creditedSource,
  type Entity,
  entityTag,
  sectionSlug as slugOfSection,
} from "../../model/article.ts";
import type { ArticleSummary } from "../../store/articles.ts";
import type { EntityKind, SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { articlePath, authorPath, sectionPath, tagPath } from "../urls.ts";
import { ArticleHead } from "./article-meta.tsx";
import { Corrections } from "./corrections.tsx";
import { MEDIA_CHECK_SCRIPT } from "./enhance.ts";
import { Layout } from "./layout.tsx";
import { SourceCredit } from "./source-credit.tsx";
import { Time } from "./time.tsx";

function Byline({ site, article }: { site: Site; article: Article }) {
  if (article.byline.length === 0) return null;
  return (
    <p class="byline">
      {site.t.by}{" "}
      {article.byline.map((p, i) => (
        <>
          {i > 0 ? (i === article.byline.length - 1 ? ` ${site.t.and} ` : ", ") : null}
          {authorTag(p.name) ? (
            <a class="byline-name" href={authorPath(authorTag(p.name) ?? "")}>
              {p.name}
            </a>
          ) : (
            <span class="byline-name">{p.name}</span>
          )}
          {p.role ? <span class="byline-role">, {p.role}</span> : null}
        </>
      ))}
    </p>
  );
}

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** A summary that is the first paragraph's opening (wire copy) is not shown twice in a row. */
function opensBody(article: Article): boolean {
  const first = article.blocks.find((b) => b.type === "paragraph");
  return first?.type === "paragraph" && letters(first.text).startsWith(letters(article.summary));
}

function Topics({ site, article }: { site: Site; article: Article }) {
  const groups: [string, EntityKind, Entity[]][] = [
    [site.t.people, "person", article.people],
    [site.t.organisations, "organisation", article.organisations],
    [site.t.places, "place", article.places],
  ];
  const present = groups.filter(([, , list]) => list.length > 0);
  if (present.length === 0) return null;
  return (
    <section class="topics" aria-labelledby="topics-title">
      <h2 id="topics-title">{site.t.topicsInStory}</h2>
      {present.map(([label, kind, list]) => (
        <div class="topic-group">
          <h3>{label}</h3>
          <ul>
            {list.map((e) => (
              <li>
                <a href={tagPath(kind, entityTag(e.name))}>{e.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ArticlePage(props: {
  site: Site;
  article: Article;
  modifiedAt: string;
  sections: SectionInfo[];
  ctx: BlockContext;
  /** Other recent stories from the same section, for the sidebar. */
  latest: ArticleSummary[];
  /** The section's display name from the config. */
  sectionName?: string;
}) {
  const { site, article } = props;
  const { t } = site;
  const sectionSlug = slugOfSection(article.section);
  const path = articlePath({ sectionSlug, slug: article.slug });
  const needsMediaCheck = article.blocks.some((b) => b.type === "media" && b.sources.length > 0);
  const updated = article.updated && article.updated !== article.firstPublished ? article.updated : null;
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: article.headline,
        description: article.summary || article.headline,
        path,
        // An imported story's canonical page is the original, unless it is the newsroom's own.
        canonicalUrl: creditedSource(article)?.url,
        lang: article.language,
        dir: article.direction,
        currentSection: sectionSlug,
        head: <ArticleHead site={site} article={article} path={path} modifiedAt={props.modifiedAt} />,
      }}
    >
      <div class="article-layout">
        <article class="article">
          <header class="article-header">
            <nav class="breadcrumb" aria-label={t.breadcrumb} lang={site.language} dir={t.dir}>
              <ol>
                <li>
                  <a href="/">{t.home}</a>
                </li>
                <li>
                  <a href={sectionPath(sectionSlug)}>{props.sectionName ?? article.section}</a>
                </li>
              </ol>
            </nav>
            <h1>{article.headline}</h1>
            {article.summary && !opensBody(article) ? <p class="standfirst">{article.summary}</p> : null}
            <Byline site={site} article={article} />
            <SourceCredit article={article} />
            <p class="dateline">
              {article.firstPublished ? (
                <>
                  {t.published} <Time site={site} iso={article.firstPublished} full />
                </>
              ) : null}
              {updated ? (
                <>
                  {" "}
                  <span class="updated">
                    {t.updated} <Time site={site} iso={updated} full />
                  </span>
                </>
              ) : null}
            </p>
            <Corrections site={site} corrections={article.corrections} />
          </header>
          <div class="article-body">
            <Blocks blocks={article.blocks} ctx={props.ctx} />
          </div>
          <footer class="article-footer">
            <Topics site={site} article={article} />
          </footer>
        </article>
        {props.latest.length > 0 ? (
          <aside class="latest" aria-labelledby="latest-title">
            <h2 id="latest-title">{t.latestIn(props.sectionName ?? article.section)}</h2>
            <ol>
              {props.latest.map((story) => (
                <li>
                  <a href={articlePath(story)}>{story.headline}</a>
                </li>
              ))}
            </ol>
          </aside>
        ) : null}
      </div>
      {needsMediaCheck ? <script>{raw(MEDIA_CHECK_SCRIPT)}</script> : null}
    </Layout>
  );
}
