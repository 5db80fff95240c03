import { type FeedData, itemText } from "./items.ts";
import { buildXml } from "./xml.ts";

export const ATOM_TYPE = "application/atom+xml; charset=utf-8";

/** Atom (RFC 4287): the feed names the site as author so every entry has one. */
export function atomFeed(feed: FeedData, selfUrl: string, siteName: string): string {
  return buildXml({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      id: selfUrl,
      title: feed.title,
      subtitle: feed.description,
      updated: feed.updated,
      link: [
        { "@_rel": "self", "@_type": "application/atom+xml", "@_href": selfUrl },
        { "@_rel": "alternate", "@_type": "text/html", "@_href": feed.homeUrl },
      ],
      author: { name: siteName },
      entry: feed.items.map((i) => ({
        id: i.url,
        title: i.title,
        link: [
          { "@_rel": "alternate", "@_type": "text/html", "@_href": i.url },
          // RFC 4287 "via": where the entry's information came from.
          ...(i.source
            ? [{ "@_rel": "via", "@_type": "text/html", "@_href": i.source.url, "@_title": i.source.publisher }]
            : []),
        ],
        published: i.published,
        updated: i.updated,
        summary: itemText(i),
        author: i.authors.map((name) => ({ name })),
        category: { "@_term": i.section },
      })),
    },
  });
}
