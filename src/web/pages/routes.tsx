/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Context, Hono } from "hono";
import { quoteSpeakers } from "../../blocks/quote/speakers.ts";
import { relatedFor } from "../../enrich/related/related.ts";
import { sectionSlug } from "../../model/article.ts";
import { getArticle, listArticles } from "../../store/articles.ts";
import { SearchQueryError, searchArticles } from "../../store/search.ts";
import { ERROR_CACHE, NO_STORE, PAGE_CACHE } from "../cache/http.ts";
import { articleKey, FRONT_KEY, sectionKey, tagKey } from "../cache/render-cache.ts";
import { articleTagKeys } from "../cdn/keys.ts";
import {
  articleRefs,
  articlesForTag,
  type EntityKind,
  listSections,
  quotesBySpeaker,
  topStoriesBySection,
} from "../queries.ts";
import { htmlInput, serveCached, serveFresh } from "../respond.ts";
import type { Site } from "../site.ts";
import { articlePath, tagKindByRoot } from "../urls.ts";
import { ArticlePage } from "./article.tsx";
import { leadImage } from "./article-meta.tsx";
import { ErrorPage } from "./error.tsx";
import { HomePage, topStory } from "./home.tsx";
import { renderDocument } from "./layout.tsx";
import { withComputedRelated } from "./related.ts";
import { SearchPage, type SearchView } from "./search.tsx";
import { SectionPage } from "./section.tsx";
import { TagPage } from "./tag.tsx";

const HOME_STORIES_PER_SECTION = 5;
const SECTION_PAGE_LENGTH = 30;
const SEARCH_PAGE_SIZE = 10;
const LATEST_IN_SECTION = 5;
const MAX_SEARCH_PAGE = 100;

export async function errorPage(site: Site, status: 400 | 404 | 410, path: string, detail?: string) {
  const sections = await listSections(site.store);
  const html = await renderDocument(
    <ErrorPage site={site} status={status} path={path} detail={detail} sections={sections} />,
  );
  return htmlInput(html, { status, cacheControl: status === 400 ? NO_STORE : ERROR_CACHE });
}

export async function notFound(c: Context, site: Site): Promise<Response> {
  return serveFresh(c, await errorPage(site, 404, c.req.path));
}

/** The reader's pages: home, section fronts, articles, tag pages and search. */
export function pageRoutes(site: Site): Hono {
  const app = new Hono();

  /** The picture a lead teaser shows: the story's first image, if it has one. */
  async function teaserImage(id: string | undefined) {
    if (!id) return null;
    const stored = await getArticle(site.store, id);
    return stored ? leadImage(stored.article) : null;
  }

  app.get("/", (c) =>
    serveCached(c, site, async () => {
      const fronts = await topStoriesBySection(site.store, HOME_STORIES_PER_SECTION);
      const html = await renderDocument(
        <HomePage site={site} fronts={fronts} leadImage={await teaserImage(topStory(fronts)?.id)} />,
      );
      return htmlInput(html, { cacheControl: PAGE_CACHE, keys: [FRONT_KEY] });
    }),
  );

  app.get("/news/:section", (c) =>
    serveCached(c, site, async () => {
      const slug = c.req.param("section");
      const sections = await listSections(site.store);
      const section = sections.find((s) => s.slug === slug);
      if (!section) return errorPage(site, 404, c.req.path);
      const stories = await listArticles(site.store, { section: slug, limit: SECTION_PAGE_LENGTH });
      const html = await renderDocument(
        <SectionPage
          site={site}
          section={section}
          stories={stories}
          sections={sections}
          leadImage={await teaserImage(stories[0]?.id)}
        />,
      );
      // Each listed story's key too, so moving one to another section purges this front at once.
      return htmlInput(html, {
        cacheControl: PAGE_CACHE,
        keys: [sectionKey(slug), FRONT_KEY, ...stories.map((a) => articleKey(a.id))],
      });
    }),
  );

  app.get("/news/:section/:slug", (c) =>
    serveCached(c, site, async () => {
      const stored = await site.store.articles.getBySlug(c.req.param("slug"));
      if (!stored || stored.article.slug !== c.req.param("slug")) return errorPage(site, 404, c.req.path);
      const { article } = stored;
      const keys = [articleKey(article.id), sectionKey(sectionSlug(article.section))];
      const canonical = articlePath({ sectionSlug: sectionSlug(article.section), slug: article.slug });
      if (article.status === "deleted" || article.status === "unpublished") {
        // Only the story's own address is gone (and cached as such); any other section in front of
        // its slug is a 404, not kept, so junk URLs cannot fill the cache.
        if (canonical !== c.req.path) return errorPage(site, 404, c.req.path);
        return { ...(await errorPage(site, 410, c.req.path)), keys };
      }
      if (article.status !== "published") return errorPage(site, 404, c.req.path);
      if (canonical !== c.req.path) return c.redirect(canonical, 301);
      const computed = await relatedFor(site.store, article.id).catch((error: unknown) => {
        // Related stories are a garnish: the story itself must still be served.
        console.error(`newsdesk: related stories for ${article.id}: ${(error as Error).message}`);
        return [];
      });
      const blocks = withComputedRelated(article.blocks, computed);
      const relatedIds = blocks.flatMap((b) =>
        b.type === "related-stories" ? b.items.flatMap((i) => (i.articleId ? [i.articleId] : [])) : [],
      );
      const [sections, refs, recent] = await Promise.all([
        listSections(site.store),
        articleRefs(site.store, relatedIds),
        listArticles(site.store, { section: sectionSlug(article.section), limit: LATEST_IN_SECTION + 1 }),
      ]);
      const latest = recent.filter((a) => a.id !== article.id).slice(0, LATEST_IN_SECTION);
      const html = await renderDocument(
        <ArticlePage
          site={site}
          article={{ ...article, blocks }}
          modifiedAt={stored.modifiedAt}
          sections={sections}
          ctx={{ refs, speakers: quoteSpeakers(article) }}
          latest={latest}
        />,
      );
      return htmlInput(html, {
        cacheControl: PAGE_CACHE,
        lastModified: stored.modifiedAt,
        keys: [...keys, ...articleTagKeys(article), ...relatedIds.map(articleKey)],
      });
    }),
  );

  const serveTag = (c: Context, kind: EntityKind) =>
    serveCached(c, site, async () => {
      const tag = c.req.param("tag") ?? "";
      const data = await articlesForTag(site.store, kind, tag);
      if (!data) return errorPage(site, 404, c.req.path);
      const [sections, quotes] = await Promise.all([
        listSections(site.store),
        kind === "person" ? quotesBySpeaker(site.store, tag) : Promise.resolve([]),
      ]);
      const html = await renderDocument(<TagPage site={site} data={data} quotes={quotes} sections={sections} />);
      return htmlInput(html, {
        cacheControl: PAGE_CACHE,
        keys: [
          tagKey(kind, tag),
          ...data.articles.map((a) => articleKey(a.id)),
          ...quotes.map((q) => articleKey(q.article.id)),
        ],
      });
    });
  for (const [root, kind] of Object.entries(tagKindByRoot)) app.get(`/${root}/:tag`, (c) => serveTag(c, kind));

  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    const pageParam = c.req.query("page") ?? "1";
    const sections = await listSections(site.store);
    // Empty form fields mean "any"; bad dates come back from searchArticles as a 400.
    const param = (name: string) => c.req.query(name)?.trim() || undefined;
    const filters = { section: param("section"), tag: param("tag"), from: param("from"), to: param("to") };
    const view: SearchView = { q, filters, page: 1, pageSize: SEARCH_PAGE_SIZE, result: null };
    let status: 200 | 400 = 200;
    if (!/^\d{1,4}$/.test(pageParam) || Number(pageParam) < 1 || Number(pageParam) > MAX_SEARCH_PAGE) {
      status = 400;
      view.error = `The page number must be a whole number from 1 to ${MAX_SEARCH_PAGE}.`;
    } else if (q) {
      view.page = Number(pageParam);
      try {
        view.result = await searchArticles(site.store, {
          q,
          ...filters,
          limit: SEARCH_PAGE_SIZE,
          offset: (view.page - 1) * SEARCH_PAGE_SIZE,
        });
      } catch (error) {
        if (!(error instanceof SearchQueryError)) throw error;
        status = 400;
        view.error = `That search could not be run: ${error.message}`;
      }
    }
    const html = await renderDocument(<SearchPage site={site} view={view} sections={sections} />);
    return serveFresh(
      c,
      htmlInput(html, { status, cacheControl: status === 200 ? "public, max-age=60, s-maxage=60" : NO_STORE }),
    );
  });

  return app;
}
