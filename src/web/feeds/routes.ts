import { type Context, Hono } from "hono";
import { FEED_CACHE } from "../cache/http.ts";
import { articleKey, FRONT_KEY, sectionKey } from "../cache/render-cache.ts";
import { listSections } from "../queries.ts";
import { serveCached, serveFresh } from "../respond.ts";
import type { Site } from "../site.ts";
import { absolute, feedPath } from "../urls.ts";
import { ATOM_TYPE, atomFeed } from "./atom.ts";
import { feedData } from "./items.ts";
import { JSON_FEED_TYPE, jsonFeed } from "./json-feed.ts";
import { RSS_TYPE, rssFeed } from "./rss.ts";
import { newsSitemap, robotsTxt, sitemap, XML_TYPE } from "./sitemaps.ts";

type Format = "rss" | "atom" | "json";
const formatByFile: Record<string, Format> = { "rss.xml": "rss", "atom.xml": "atom", "feed.json": "json" };

/** Site and section feeds in three formats, the sitemaps and robots.txt. */
export function feedRoutes(site: Site): Hono {
  const app = new Hono();

  async function serveFeed(c: Context, format: Format, sectionSlug?: string): Promise<Response> {
    return serveCached(c, site, async () => {
      let section: { slug: string; name: string } | undefined;
      if (sectionSlug) {
        section = (await listSections(site.store, site.config)).find((s) => s.slug === sectionSlug);
        if (!section) return c.text(`No section called "${sectionSlug}".`, 404);
      }
      const data = await feedData(site, section);
      const self = absolute(site.baseUrl, feedPath(format, section?.slug));
      // Each listed article's key too: a story moved out of the section and then withdrawn purges
      // this feed through its own key, though its section key is now another one.
      const keys = [section ? sectionKey(section.slug) : FRONT_KEY, ...data.items.map((i) => articleKey(i.id))];
      const lastModified = data.items.length > 0 ? data.updated : null;
      if (format === "rss") {
        return {
          contentType: RSS_TYPE,
          body: rssFeed(data, self, site.language),
          cacheControl: FEED_CACHE,
          keys,
          lastModified,
        };
      }
      if (format === "atom") {
        return {
          contentType: ATOM_TYPE,
          body: atomFeed(data, self, site.name),
          cacheControl: FEED_CACHE,
          keys,
          lastModified,
        };
      }
      return {
        contentType: JSON_FEED_TYPE,
        body: jsonFeed(data, self, site.language),
        cacheControl: FEED_CACHE,
        keys,
        lastModified,
      };
    });
  }

  for (const [file, format] of Object.entries(formatByFile)) {
    app.get(`/feeds/${file}`, (c) => serveFeed(c, format));
    app.get(`/feeds/:section/${file}`, (c) => serveFeed(c, format, c.req.param("section")));
  }

  app.get("/sitemap.xml", (c) =>
    serveCached(c, site, async () => ({
      contentType: XML_TYPE,
      body: await sitemap(site),
      cacheControl: FEED_CACHE,
      keys: [FRONT_KEY],
    })),
  );
  // Not kept in memory: which stories fall inside its two-day window changes with the clock.
  app.get("/news-sitemap.xml", async (c) =>
    serveFresh(c, { contentType: XML_TYPE, body: await newsSitemap(site), cacheControl: FEED_CACHE }),
  );
  app.get("/robots.txt", (c) =>
    serveFresh(c, { contentType: "text/plain; charset=utf-8", body: robotsTxt(site), cacheControl: FEED_CACHE }),
  );

  return app;
}
