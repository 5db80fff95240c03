import { type Context, Hono } from "hono";
import { sectionSlug } from "../../model/article.ts";
import { countArticles, getArticle, listArticles } from "../../store/articles.ts";
import { SearchQueryError, searchArticles } from "../../store/search.ts";
import { API_CACHE, NO_STORE } from "../cache/http.ts";
import { articleKey, FRONT_KEY } from "../cache/render-cache.ts";
import { serveCached, serveFresh } from "../respond.ts";
import type { Site } from "../site.ts";
import { absolute, articlePath } from "../urls.ts";
import { API_ERROR_CODES, apiErrorBody, onApiError, revisionEtag } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";

const JSON_TYPE = "application/json; charset=utf-8";
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

/** A JSON error in the one API shape (errors.ts); not-found answers may be cached briefly. */
export function jsonError(
  c: Context,
  code: "invalid-query" | "invalid-parameter" | "not-found",
  message: string,
): Response {
  return serveFresh(c, {
    status: API_ERROR_CODES[code],
    contentType: JSON_TYPE,
    body: JSON.stringify(apiErrorBody(code, message)),
    cacheControl: code === "not-found" ? "public, max-age=30, s-maxage=60" : NO_STORE,
  });
}

/** A positive whole number query parameter, or an error message naming it. */
function intParam(c: Context, name: string, fallback: number, max: number): number | string {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    return `"${name}" must be a whole number from 1 to ${max}; got "${raw}"`;
  }
  return Number(raw);
}

/** The public, read-only API: published articles and search. */
export function readApi(site: Site): Hono {
  const app = new Hono();
  app.onError(onApiError);

  app.get("/articles", async (c) => {
    const page = intParam(c, "page", 1, 1_000_000);
    if (typeof page === "string") return jsonError(c, "invalid-query", page);
    const limit = intParam(c, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    if (typeof limit === "string") return jsonError(c, "invalid-query", limit);
    const section = c.req.query("section");
    const [items, total] = await Promise.all([
      listArticles(site.store, { limit, offset: (page - 1) * limit, section: section || undefined }),
      section ? Promise.resolve(null) : countArticles(site.store, "published"),
    ]);
    const body = {
      page,
      limit,
      total,
      items: items.map((a) => ({
        id: a.id,
        headline: a.headline,
        section: a.section,
        url: absolute(site.baseUrl, articlePath(a)),
        summary: a.summary,
        firstPublished: a.firstPublished,
        updated: a.updated,
        revision: a.revision,
      })),
    };
    return serveFresh(c, {
      contentType: JSON_TYPE,
      body: JSON.stringify(body),
      cacheControl: API_CACHE,
      keys: [FRONT_KEY],
    });
  });

  app.get("/articles/:id", (c) =>
    serveCached(c, site, async () => {
      const id = c.req.param("id");
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id))
        return jsonError(c, "invalid-parameter", "an article id is 1-64 letters, digits, '-' or '_'");
      const stored = await getArticle(site.store, id);
      if (!stored || stored.article.id !== id) return jsonError(c, "not-found", `no article with id "${id}"`);
      const { article } = stored;
      if (article.status === "deleted" || article.status === "unpublished") {
        return {
          status: 410,
          contentType: JSON_TYPE,
          body: JSON.stringify(apiErrorBody("gone", `article "${id}" has been withdrawn`)),
          cacheControl: API_CACHE,
          keys: [articleKey(id)],
        };
      }
      if (article.status !== "published") return jsonError(c, "not-found", `no article with id "${id}"`);
      return {
        contentType: JSON_TYPE,
        body: JSON.stringify({
          ...article,
          revision: stored.revision,
          url: absolute(site.baseUrl, articlePath({ sectionSlug: sectionSlug(article.section), slug: article.slug })),
        }),
        cacheControl: API_CACHE,
        lastModified: stored.modifiedAt,
        // The revision, as the editorial API gives it: a client can send this ETag in If-Match.
        etag: revisionEtag(stored.revision),
        keys: [articleKey(id)],
      };
    }),
  );

  const openApi = JSON.stringify(openApiDocument(site.baseUrl));
  app.get("/openapi.json", (c) =>
    serveFresh(c, { contentType: JSON_TYPE, body: openApi, cacheControl: "public, max-age=300, s-maxage=3600" }),
  );

  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    if (!q) return jsonError(c, "invalid-query", 'the "q" parameter is required');
    const page = intParam(c, "page", 1, 1000);
    if (typeof page === "string") return jsonError(c, "invalid-query", page);
    const limit = intParam(c, "limit", DEFAULT_LIMIT, MAX_LIMIT);
    if (typeof limit === "string") return jsonError(c, "invalid-query", limit);
    const tagKind = c.req.query("tagKind");
    if (tagKind !== undefined && !["person", "organisation", "place"].includes(tagKind)) {
      return jsonError(c, "invalid-query", '"tagKind" must be person, organisation or place');
    }
    for (const name of ["from", "to"] as const) {
      const v = c.req.query(name);
      if (v !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v)))) {
        return jsonError(c, "invalid-query", `"${name}" must be an ISO date such as 2026-03-01`);
      }
    }
    try {
      const result = await searchArticles(site.store, {
        q,
        section: c.req.query("section") || undefined,
        tag: c.req.query("tag") || undefined,
        tagKind: tagKind as "person" | "organisation" | "place" | undefined,
        from: c.req.query("from"),
        to: c.req.query("to"),
        limit,
        offset: (page - 1) * limit,
      });
      const body = {
        page,
        limit,
        total: result.total,
        totalExact: result.totalExact,
        items: result.hits.map((h) => ({ ...h, url: absolute(site.baseUrl, articlePath(h)) })),
      };
      return serveFresh(c, {
        contentType: JSON_TYPE,
        body: JSON.stringify(body),
        cacheControl: "public, max-age=60, s-maxage=60",
      });
    } catch (error) {
      if (error instanceof SearchQueryError) return jsonError(c, "invalid-query", error.message);
      throw error;
    }
  });

  app.notFound((c) => jsonError(c, "not-found", `no API route ${c.req.method} ${c.req.path}`));
  return app;
}
