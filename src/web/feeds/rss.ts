import { type FeedData, itemText } from "./items.ts";
import { buildXml } from "./xml.ts";

export const RSS_TYPE = "application/rss+xml; charset=utf-8";

/** RSS 2.0, with an atom:link to itself as the RSS Advisory Board recommends. */
export function rssFeed(feed: FeedData, selfUrl: string, language: string): string {
  return buildXml({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel: {
        title: feed.title,
        link: feed.homeUrl,
        description: feed.description,
        language,
        lastBuildDate: new Date(feed.updated).toUTCString(),
        "atom:link": { "@_href": selfUrl, "@_rel": "self", "@_type": "application/rss+xml" },
        item: feed.items.map((i) => ({
          title: i.title,
          link: i.url,
          guid: { "#text": i.url, "@_isPermaLink": "true" },
          description: itemText(i),
          category: i.section,
          "dc:creator": i.authors.length > 0 ? i.authors.join(", ") : undefined,
          // Dublin Core's "resource this one is derived from": the original of an imported story.
          "dc:source": i.source?.url,
          pubDate: new Date(i.published).toUTCString(),
        })),
      },
    },
  });
}
