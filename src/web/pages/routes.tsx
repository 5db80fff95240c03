/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Context, Hono } from "hono";
import { quoteSpeakers } from "../../blocks/quote/speakers.ts";
import { relatedTiers } from "../../enrich/related/related.ts";
import { sectionSlug } from "../../model/article.ts";
import type { ArticleSummary } from "../../store/articles.ts";
import { getArticle, listArticles } from "../../store/articles.ts";
import { SearchQueryError, searchArticles } from "../../store/search.ts";
import { ERROR_CACHE, NO_STORE, PAGE_CACHE } from "../cache/http.ts";
import { articleKey, FRONT_KEY, sectionKey, tagKey } from "../cache/render-cache.ts";
import { articleTagKeys } from "../cdn/keys.ts";
import { curatedFront, currentBreaking, HOME_FRONT, readFront } from "../fronts.ts";
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
import { articlePath, authorPath, tagKindByRoot, tagPath } from "../urls.ts";
import { ArchivePage } from "./archive.tsx";
import { ArticlePage } from "./article.tsx";
import { leadImage } from "./article-meta.tsx";
import { ErrorPage } from "./error.tsx";
import { zonedStart } from "./format.ts";
import { HomePage } from "./home.tsx";
import { renderDocument } from "./layout.tsx";
import { pagePath } from "./pager.tsx";
import { withComputedRelated } from "./related.ts";
import { SearchPage, type SearchView } from "./search.tsx";
import { SectionPage } from "./section.tsx";
import { TagPage } from "./tag.tsx";
import { freshForMs } from "./time.tsx";

const HOME_STORIES_PER_SECTION = 5;
const HOME_TOP_STORIES = 4;
const SECTION_PAGE_LENGTH = 30;
const LISTING_PAGE_LENGTH = 30;
/** Quotes shorter than this many words ("central", "in part") say nothing on their own. */
export const MIN_QUOTE_WORDS = 4;
const SEARCH_PAGE_SIZE = 10;
const LATEST_IN_SECTION = 5;
const MAX_SEARCH_PAGE = 100;

export async function errorPage(site: Site, status: 400 | 404 | 410, path: string, detail?: string) {
  const sections = await listSections(site.store, site.config);
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

  /** How long a front may be kept: its relative times, and the banner's expiry. */
  function frontMaxAge(times: (string | null)[], breaking: { expiresAt: string } | null): number | undefined {
    const byTimes = freshForMs(site, times);
    const byBanner = breaking ? Math.max(1000, Date.parse(breaking.expiresAt) - site.now()) : undefined;
    if (byTimes === undefined) return byBanner;
    return byBanner === undefined ? byTimes : Math.min(byTimes, byBanner);
  }

  app.get("/", (c) =>
    serveCached(c, site, async () => {
      const [fronts, newest, choice, breaking] = await Promise.all([
        topStoriesBySection(site.store, HOME_STORIES_PER_SECTION, site.config),
        listArticles(site.store, { limit: HOME_TOP_STORIES + 1 }),
        readFront(site.store, HOME_FRONT),
        currentBreaking(site.store, site.now()),
      ]);
      const { lead, top } = await curatedFront(site.store, choice, newest, HOME_TOP_STORIES);
      const html = await renderDocument(
        <HomePage site={site} view={{ lead, top, fronts, breaking }} leadImage={await teaserImage(lead?.id)} />,
      );
      const times = [lead, ...top, ...fronts.flatMap((f) => f.stories)].map((a) => a?.firstPublished ?? null);
      return htmlInput(html, { cacheControl: PAGE_CACHE, keys: [FRONT_KEY], maxAgeMs: frontMaxAge(times, breaking) });
    }),
  );

  /** ?page=N of a listing: 1 when absent; null when not a page number (a 400). */
  function pageOf(c: Context): number | null {
    const raw = c.req.query("page");
    if (raw === undefined || raw === "") return 1;
    return /^\d{1,6}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : null;
  }

  app.get("/news/:section", async (c) => {
    const page = pageOf(c);
    if (page === null) return serveFresh(c, await errorPage(site, 400, c.req.path, site.t.errors[400].text));
    return serveCached(
      c,
      site,
      async () => {
        const slug = c.req.param("section");
        const sections = await listSections(site.store, site.config);
        const section = sections.find((s) => s.slug === slug);
        if (!section) return errorPage(site, 404, c.req.path);
        const breaking = await currentBreaking(site.store, site.now());
        let lead: ArticleSummary | undefined;
        let stories: ArticleSummary[];
        let total: number;
        if (page === 1) {
          const [listed, choice] = await Promise.all([
            site.store.site.inSection(slug, SECTION_PAGE_LENGTH, 0),
            readFront(site.store, slug),
          ]);
          total = listed.total;
          const front = await curatedFront(site.store, choice, listed.articles, SECTION_PAGE_LENGTH - 1);
          lead = front.lead;
          // Curated stories from another section are not shown on this one.
          stories = front.top.filter((a) => a.sectionSlug === slug);
        } else {
          const listed = await site.store.site.inSection(slug, SECTION_PAGE_LENGTH, (page - 1) * SECTION_PAGE_LENGTH);
          total = listed.total;
          stories = listed.articles;
        }
        const last = Math.max(1, Math.ceil(total / SECTION_PAGE_LENGTH));
        if (page > last) return errorPage(site, 404, c.req.path);
        const html = await renderDocument(
          <SectionPage
            site={site}
            view={{ section, lead, stories, page, last, breaking }}
            sections={sections}
            leadImage={await teaserImage(lead?.id)}
          />,
        );
        const times = [lead, ...stories].map((a) => a?.firstPublished ?? null);
        return htmlInput(html, {
          cacheControl: PAGE_CACHE,
          // Each listed story's key too, so moving one to another section purges this front at once.
          keys: [sectionKey(slug), FRONT_KEY, ...[lead, ...stories].flatMap((a) => (a ? [articleKey(a.id)] : []))],
          maxAgeMs: frontMaxAge(times, breaking),
        });
      },
      pagePath(c.req.path, page),
    );
  });

  app.get("/news/:year{[0-9]{4}}/:month{[0-9]{2}}", async (c) => {
    const page = pageOf(c);
    const year = Number(c.req.param("year"));
    const month = Number(c.req.param("month"));
    if (page === null || month < 1 || month > 12)
      return serveFresh(c, await errorPage(site, 400, c.req.path, site.t.errors[400].text));
    return serveCached(
      c,
      site,
      async () => {
        const from = zonedStart(site.time, year, month).toISOString();
        const to = zonedStart(site.time, month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1).toISOString();
        const listed = await site.store.site.between(from, to, LISTING_PAGE_LENGTH, (page - 1) * LISTING_PAGE_LENGTH);
        const last = Math.max(1, Math.ceil(listed.total / LISTING_PAGE_LENGTH));
        if (listed.total === 0 || page > last) return errorPage(site, 404, c.req.path);
        const sections = await listSections(site.store, site.config);
        const html = await renderDocument(
          <ArchivePage
            site={site}
            year={year}
            month={month}
            stories={listed.articles}
            page={page}
            last={last}
            sections={sections}
          />,
        );
        return htmlInput(html, {
          cacheControl: PAGE_CACHE,
          keys: [FRONT_KEY, ...listed.articles.map((a) => articleKey(a.id))],
        });
      },
      pagePath(c.req.path, page),
    );
  });

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
      const tiers = await relatedTiers(site.store, article.id).catch((error: unknown) => {
        // Related stories are a garnish: the story itself must still be served.
        console.error(`newsdesk: related stories for ${article.id}: ${(error as Error).message}`);
        return { first: [], second: null };
      });
      const blocks = withComputedRelated(article.blocks, tiers.first, tiers.second);
      const relatedIds = blocks.flatMap((b) =>
        b.type === "related-stories" ? b.items.flatMap((i) => (i.articleId ? [i.articleId] : [])) : [],
      );
      const [sections, refs, recent] = await Promise.all([
        listSections(site.store, site.config),
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
          sectionName={sections.find((s) => s.slug === sectionSlug(article.section))?.name}
        />,
      );
      return htmlInput(html, {
        cacheControl: PAGE_CACHE,
        lastModified: stored.modifiedAt,
        keys: [...keys, ...articleTagKeys(article), ...relatedIds.map(articleKey)],
        maxAgeMs: freshForMs(site, [article.firstPublished, article.updated]),
      });
    }),
  );

  const serveTag = async (c: Context, kind: EntityKind | "author") => {
    const page = pageOf(c);
    if (page === null) return serveFresh(c, await errorPage(site, 400, c.req.path, site.t.errors[400].text));
    return serveCached(
      c,
      site,
      async () => {
        const tag = c.req.param("tag") ?? "";
        const offset = (page - 1) * LISTING_PAGE_LENGTH;
        const data =
          kind === "author"
            ? await site.store.site.authored(tag, LISTING_PAGE_LENGTH, offset)
            : await articlesForTag(site.store, kind, tag, LISTING_PAGE_LENGTH, offset);
        if (!data) return errorPage(site, 404, c.req.path);
        const last = Math.max(1, Math.ceil(data.total / LISTING_PAGE_LENGTH));
        if (page > last) return errorPage(site, 404, c.req.path);
        const [sections, said] = await Promise.all([
          listSections(site.store, site.config),
          kind === "person" && page === 1 ? quotesBySpeaker(site.store, tag, 60) : Promise.resolve([]),
        ]);
        // One- and two-word fragments ("central", "in part") are not quotes a reader can use.
        const quotes = said.filter((q) => (q.text.match(/\S+/g)?.length ?? 0) >= MIN_QUOTE_WORDS).slice(0, 20);
        const path = kind === "author" ? authorPath(tag) : tagPath(kind, tag);
        const html = await renderDocument(
          <TagPage
            site={site}
            view={{ kind, name: data.name, path, articles: data.articles, page, last, quotes }}
            sections={sections}
          />,
        );
        return htmlInput(html, {
          cacheControl: PAGE_CACHE,
          keys: [
            kind === "author" ? tagKey("author", tag) : tagKey(kind, tag),
            // Author rows are not among the keys a change names: any publish may add to their page.
            ...(kind === "author" ? [FRONT_KEY] : []),
            ...data.articles.map((a) => articleKey(a.id)),
            ...quotes.map((q) => articleKey(q.article.id)),
          ],
          maxAgeMs: freshForMs(
            site,
            data.articles.map((a) => a.firstPublished),
          ),
        });
      },
      pagePath(c.req.path, page),
    );
  };
  for (const [root, kind] of Object.entries(tagKindByRoot)) app.get(`/${root}/:tag`, (c) => serveTag(c, kind));
  app.get("/authors/:tag", (c) => serveTag(c, "author"));

  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    const pageParam = c.req.query("page") ?? "1";
    const sections = await listSections(site.store, site.config);
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
