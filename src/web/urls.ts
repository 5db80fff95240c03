import type { EntityKind } from "./queries.ts";

/**
 * Every public URL of the site in one place, so pages, feeds, sitemaps and the API agree.
 * Articles live under their section: /news/<section>/<slug>.
 */

export function articlePath(a: { sectionSlug: string; slug: string }): string {
  return `/news/${a.sectionSlug}/${a.slug}`;
}

export function sectionPath(sectionSlug: string): string {
  return `/news/${sectionSlug}`;
}

const tagRoots: Record<EntityKind, string> = { person: "people", organisation: "organisations", place: "places" };

export const tagKindByRoot: Record<string, EntityKind> = {
  people: "person",
  organisations: "organisation",
  places: "place",
};

export function tagPath(kind: EntityKind, tag: string): string {
  return `/${tagRoots[kind]}/${tag}`;
}

export function feedPath(format: "rss" | "atom" | "json", sectionSlug?: string): string {
  const file = format === "rss" ? "rss.xml" : format === "atom" ? "atom.xml" : "feed.json";
  return sectionSlug ? `/feeds/${sectionSlug}/${file}` : `/feeds/${file}`;
}

export function searchPath(q?: string): string {
  return q ? `/search?${new URLSearchParams({ q })}` : "/search";
}

/** An absolute URL on the site's public base (from --base-url), for canonical links and feeds. */
/**
 * A path of this site as an absolute URL on the site's own host. A request path such as
 * "//evil.example/x" would otherwise resolve to another host (or, as "//", to no URL at all).
 */
export function onSite(baseUrl: string, path: string): string {
  return absolute(baseUrl, `/${path.replace(/^[/\\]+/, "")}`);
}

export function absolute(baseUrl: string, path: string): string {
  return new URL(path, `${baseUrl.replace(/\/+$/, "")}/`).toString();
}

/** A byline name's page: /authors/<tag>. */
export function authorPath(tag: string): string {
  return `/authors/${tag}`;
}

/** The month archive: /news/2005/03. */
export function archivePath(year: number, month: number): string {
  return `/news/${year}/${String(month).padStart(2, "0")}`;
}
