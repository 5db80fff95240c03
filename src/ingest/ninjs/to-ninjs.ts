import { associationName } from "../../blocks/html.ts";
import type { ImageBlock } from "../../blocks/image/schema.ts";
import type { MediaBlock } from "../../blocks/media/schema.ts";
import { blocksToHtml } from "../../blocks/to-html.ts";
import { type Article, wordCount } from "../../model/article.ts";
import { correctionsToHtml } from "./corrections-html.ts";

/** Prefix of the uri Newsdesk gives the items it exports; importing one restores the article id. */
export const NEWSDESK_URI_PREFIX = "urn:newsdesk:article:";
export const NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

const PUBSTATUS: Record<Article["status"], "usable" | "withheld" | "canceled"> = {
  published: "usable",
  scheduled: "withheld",
  draft: "withheld",
  unpublished: "withheld",
  deleted: "canceled",
};

/** "Name, Role; Name": one line for people, and from-ninjs reads it back. */
export function formatBy(byline: Article["byline"]): string {
  return byline.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join("; ");
}

function association(block: ImageBlock | MediaBlock, name: string, articleId: string) {
  if (block.type === "image") {
    return {
      name,
      uri: block.src ?? `${NEWSDESK_URI_PREFIX}${articleId}:${name}`,
      type: "picture",
      ...(block.caption
        ? { descriptions: [{ role: "caption", contenttype: "text/plain", value: block.caption }] }
        : {}),
      ...(block.credit ? { by: block.credit } : {}),
      // A caption-only image (copied as text) has no file to point at.
      renditions: block.src
        ? [
            {
              name: "original",
              href: block.src,
              ...(block.width ? { width: block.width } : {}),
              ...(block.height ? { height: block.height } : {}),
            },
            ...block.sizes.map((s) => ({ name: `w${s.width}`, href: s.src, width: s.width })),
          ]
        : [],
    };
  }
  return {
    name,
    uri: block.sources[0]?.src ?? `${NEWSDESK_URI_PREFIX}${articleId}:${name}`,
    type: block.kind,
    ...(block.caption ? { descriptions: [{ role: "caption", contenttype: "text/plain", value: block.caption }] } : {}),
    renditions: block.sources.map((s, i) => ({
      name: `source-${i + 1}`,
      href: s.src,
      contenttype: s.mimeType,
      ...(block.durationSeconds !== undefined ? { duration: block.durationSeconds } : {}),
    })),
  };
}

/**
 * An article as an IPTC ninjs 2.1 text item. Mapping: headline → headlines[main], summary →
 * descriptions[summary], blocks → bodies[text/html], byline → by, section and tags → subjects
 * (rel "section" / "tag"), people/organisations/places → the same arrays, images and media →
 * associations (referenced from the body by data-assoc-ref), corrections → an aside at the end of
 * the body, sourceUrl → an HTML rendition,
 * status → pubstatus (draft and scheduled export as withheld).
 */
export function toNinjs(article: Article): Record<string, unknown> {
  const html = blocksToHtml(article.blocks) + correctionsToHtml(article.corrections);
  let images = 0;
  let medias = 0;
  const associations = article.blocks.flatMap((b) =>
    b.type === "image"
      ? [association(b, associationName("image", images++), article.id)]
      : b.type === "media"
        ? [association(b, associationName("media", medias++), article.id)]
        : [],
  );
  const people = [
    ...article.byline.map((p) => ({ name: p.name, rel: "author" })),
    ...article.people.map((p) => ({ name: p.name, rel: "mentioned" })),
  ];
  return {
    uri: `${NEWSDESK_URI_PREFIX}${article.id}`,
    standard: { name: "ninjs", version: "2.1", schema: NINJS_SCHEMA },
    type: "text",
    representationtype: "full",
    ...(article.firstPublished ? { firstcreated: article.firstPublished } : {}),
    ...(article.updated ? { versioncreated: article.updated } : {}),
    pubstatus: PUBSTATUS[article.status],
    language: article.language,
    slugline: article.slug,
    headlines: [{ role: "main", contenttype: "text/plain", value: article.headline }],
    // Written even when empty, so an import does not put the intro paragraph in its place.
    descriptions: [{ role: "summary", contenttype: "text/plain", value: article.summary }],
    bodies: [
      { role: "main", contenttype: "text/html", charcount: html.length, wordcount: wordCount(article), value: html },
    ],
    ...(article.byline.length ? { by: formatBy(article.byline) } : {}),
    ...(people.length ? { people } : {}),
    ...(article.organisations.length
      ? { organisations: article.organisations.map((o) => ({ name: o.name, rel: "mentioned" })) }
      : {}),
    ...(article.places.length ? { places: article.places.map((p) => ({ name: p.name, rel: "mentioned" })) } : {}),
    subjects: [{ name: article.section, rel: "section" }, ...article.tags.map((t) => ({ name: t, rel: "tag" }))],
    ...(article.sourceUrl ? { renditions: [{ name: "web", href: article.sourceUrl, contenttype: "text/html" }] } : {}),
    ...(associations.length ? { associations } : {}),
  };
}
