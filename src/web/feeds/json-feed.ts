import { type FeedData, itemText } from "./items.ts";

export const JSON_FEED_TYPE = "application/feed+json; charset=utf-8";

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(feed: FeedData, selfUrl: string, language: string): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: selfUrl,
    description: feed.description,
    language,
    items: feed.items.map((i) => ({
      id: i.url,
      url: i.url,
      // JSON Feed's "page elsewhere" the item is about: the original of an imported story.
      external_url: i.source?.url,
      title: i.title,
      summary: i.summary || undefined,
      content_text: itemText(i),
      date_published: i.published,
      date_modified: i.updated,
      authors: i.authors.length > 0 ? i.authors.map((name) => ({ name })) : undefined,
      tags: [i.section],
      language: i.language,
    })),
  });
}
