import { sectionSlug } from "../../model/article.ts";
import type { Site } from "../site.ts";
import { absolute, articlePath, sectionPath } from "../urls.ts";
import { buildXml } from "./xml.ts";

export const XML_TYPE = "application/xml; charset=utf-8";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
// The sitemap protocol's limit per file.
const SITEMAP_MAX_URLS = 50_000;
// Google News only wants articles from the last two days, at most 1,000.
const NEWS_WINDOW_MS = 2 * 24 * 3600 * 1000;
const NEWS_MAX_URLS = 1000;

export async function sitemap(site: Site): Promise<string> {
  const rows = await site.store.site.sitemapRows(SITEMAP_MAX_URLS - 100);
  const sections = new Map<string, string>();
  for (const r of rows) if (!sections.has(r.section_slug)) sections.set(r.section_slug, r.modified_at);
  const url = [
    { loc: absolute(site.baseUrl, "/"), lastmod: rows[0]?.modified_at, changefreq: "hourly" },
    ...[...sections].map(([slug, lastmod]) => ({
      loc: absolute(site.baseUrl, sectionPath(slug)),
      lastmod,
      changefreq: "hourly",
    })),
    ...rows.map((r) => ({
      loc: absolute(site.baseUrl, articlePath({ sectionSlug: sectionSlug(r.section), slug: r.slug })),
      lastmod: r.updated ?? r.first_published ?? r.modified_at,
    })),
  ];
  return buildXml({ urlset: { "@_xmlns": SITEMAP_NS, url } });
}

export async function newsSitemap(site: Site, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
  const rows = await site.store.site.newsSitemapRows(since, NEWS_MAX_URLS);
  const url = rows.map((r) => ({
    loc: absolute(site.baseUrl, articlePath({ sectionSlug: sectionSlug(r.section), slug: r.slug })),
    "news:news": {
      "news:publication": { "news:name": site.name, "news:language": r.language },
      "news:publication_date": r.first_published,
      "news:title": r.headline,
    },
  }));
  return buildXml({
    urlset: { "@_xmlns": SITEMAP_NS, "@_xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9", url },
  });
}

export function robotsTxt(site: Site): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /search",
    "Disallow: /api/",
    "",
    `Sitemap: ${absolute(site.baseUrl, "/sitemap.xml")}`,
    `Sitemap: ${absolute(site.baseUrl, "/news-sitemap.xml")}`,
    "",
  ].join("\n");
}
