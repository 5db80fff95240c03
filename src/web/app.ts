import { Hono } from "hono";
import { DEFAULT_CONFIG_INPUT, parseSiteConfig, type SiteConfig } from "../config/site-config.ts";
import { defaultMediaStorage, isPublicMediaName, type MediaStorage } from "../media/storage.ts";
import type { Store } from "../store/store.ts";
import { isStoreFull, isStoreUnavailable } from "../store/unavailable.ts";
import type { EditorialEnv } from "./api/editorial.ts";
import { apiErrorBody, onApiError, UNAVAILABLE_RETRY_AFTER } from "./api/errors.ts";
import { readApi } from "./api/read.ts";
import { StoreChangeWatcher } from "./cache/freshness.ts";
import { IMMUTABLE, send } from "./cache/http.ts";
import { RenderCache, renderResponse } from "./cache/render-cache.ts";
import { type DeskOptions, deskRoutes } from "./desk/routes.tsx";
import { feedRoutes } from "./feeds/routes.ts";
import { messagesFor } from "./i18n/messages.ts";
import { timeFormat } from "./pages/format.ts";
import { notFound, pageRoutes } from "./pages/routes.tsx";
import type { Site } from "./site.ts";
import { staticFiles } from "./static-files.ts";

const MEDIA_TYPES: Record<string, string> = { jpg: "image/jpeg", webp: "image/webp", avif: "image/avif" };

export interface AppOptions {
  store: Store;
  /** Public base URL, e.g. https://news.example.org; canonical links, feeds and sitemaps use it. */
  baseUrl: string;
  /** The newsroom's settings; a site with none shows only the name "Newsdesk". */
  config?: SiteConfig;
  /** The clock relative times are measured against (tests). */
  now?: () => number;
  /** Shared with whoever must purge it (e.g. a PostgreSQL LISTEN worker); made here when absent. */
  cache?: RenderCache;
  /**
   * Write routes under /api (the editorial API), mounted before the read API so they can claim
   * their own methods and paths; reads fall through to the public API.
   */
  writeApi?: Hono<EditorialEnv>;
  /** The desk at /desk (sign-in, editor); absent unless given. */
  desk?: DeskOptions;
  /** Uploaded images, served at /media/; by default the media folder beside the SQLite file. */
  media?: MediaStorage;
}

export interface App {
  app: Hono;
  site: Site;
}

/**
 * The whole web application: static files, the read API (and the editorial API when given),
 * feeds and sitemaps, then the reader's pages; anything else is a 404 page.
 */
export function createApp(options: AppOptions): App {
  const cache = options.cache ?? new RenderCache();
  const config = options.config ?? parseSiteConfig(DEFAULT_CONFIG_INPUT);
  const site: Site = {
    store: options.store,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    name: config.name,
    description: config.description,
    language: config.language,
    config,
    t: messagesFor(config.language),
    time: timeFormat(config.timeZone, config.language),
    now: options.now ?? Date.now,
    cache,
    freshness: new StoreChangeWatcher(options.store, cache),
  };
  const app = new Hono();

  app.get("/static/*", (c) => {
    const file = staticFiles.get(c.req.path.slice("/static/".length));
    return file ? send(c, file.response) : notFound(c, site);
  });

  const media = options.media ?? defaultMediaStorage(options.store.location);
  app.get("/media/:name", async (c) => {
    const name = c.req.param("name");
    const bytes = isPublicMediaName(name) ? await media.get(name) : null;
    if (!bytes) return notFound(c, site);
    const type = MEDIA_TYPES[name.slice(name.lastIndexOf(".") + 1)] ?? "application/octet-stream";
    // Names are content hashes: a file never changes, so it may be cached for a year.
    c.header("Cache-Control", IMMUTABLE);
    c.header("Content-Type", type);
    c.header("X-Content-Type-Options", "nosniff");
    return c.body(new Uint8Array(bytes));
  });

  if (options.desk) app.route("/desk", deskRoutes(site, options.desk));
  if (options.writeApi) app.route("/api", options.writeApi);
  app.route("/api", readApi(site));
  app.route("/", feedRoutes(site));
  app.route("/", pageRoutes(site));

  app.notFound((c) => {
    if (c.req.path.startsWith("/api/")) {
      return send(
        c,
        renderResponse({
          status: 404,
          contentType: "application/json; charset=utf-8",
          body: JSON.stringify(apiErrorBody("not-found", `no API route ${c.req.method} ${c.req.path}`)),
          cacheControl: "no-store",
        }),
      );
    }
    return notFound(c, site);
  });

  // A bug must not show the reader a stack trace; it is logged for the operator instead.
  app.onError((error, c) => {
    if (isStoreFull(error)) {
      if (c.req.path.startsWith("/api/")) return onApiError(error, c);
      return c.text("The newsroom's disk is full; nothing was saved. Please try again later.", 507);
    }
    if (isStoreUnavailable(error)) {
      c.header("Retry-After", UNAVAILABLE_RETRY_AFTER);
      if (c.req.path.startsWith("/api/")) return onApiError(error, c);
      return c.text("The newsroom's database is briefly unavailable. Please try again in a moment.", 503);
    }
    console.error(`newsdesk: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return c.text("Sorry, something went wrong on our side. Please try again shortly.", 500);
  });

  return { app, site };
}
