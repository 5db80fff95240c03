import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ImportError } from "../importer.ts";

/** One feed entry as the feed states it, before it becomes an article. Strings are raw (may hold HTML). */
export interface FeedItem {
  title?: string;
  link?: string;
  guid?: string;
  /** Full content (content:encoded, Atom content), HTML. */
  content?: string;
  /** Description or Atom summary, HTML or text. */
  summary?: string;
  published?: string;
  updated?: string;
  authors: string[];
  categories: string[];
  /** Enclosures and media:content / media:thumbnail. */
  media: { url: string; type?: string }[];
}

export interface Feed {
  kind: "rss" | "atom" | "rdf";
  title?: string;
  link?: string;
  language?: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  // Atom content stays raw: type="xhtml" is mixed markup whose order the object form would lose.
  stopNodes: ["feed.entry.content"],
  isArray: (name) =>
    [
      "item",
      "entry",
      "link",
      "category",
      "author",
      "dc:creator",
      "enclosure",
      "media:content",
      "media:thumbnail",
    ].includes(name),
});

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The text of an element whether the parser gave a string or an object with #text (attributes present). */
function text(v: unknown): string | undefined {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object") {
    const node = v as Node;
    if ("#text" in node) return text(node["#text"]);
    // Atom type="xhtml" content: a <div> holding markup, which the parser has turned into objects.
    if ("div" in node) return serialize(node.div);
  }
  return undefined;
}

/** Rebuilds markup from parsed XHTML (Atom type="xhtml"); attributes are dropped, the sanitizer runs later anyway. */
function serialize(v: unknown): string {
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (Array.isArray(v)) return v.map(serialize).join("");
  if (!v || typeof v !== "object") return "";
  return Object.entries(v as Node)
    .filter(([k]) => !k.startsWith("@_"))
    .map(([k, child]) =>
      k === "#text"
        ? serialize(child)
        : asArray(child)
            .map((c) => `<${k}>${serialize(c)}</${k}>`)
            .join(""),
    )
    .join("");
}

function attr(v: unknown, name: string): string | undefined {
  return v && typeof v === "object" ? text((v as Node)[`@_${name}`]) : undefined;
}

function rssItem(item: Node): FeedItem {
  const guid = item.guid;
  return {
    title: text(item.title),
    link: text(item.link) ?? (attr(guid, "isPermaLink") !== "false" ? text(guid) : undefined),
    guid: text(guid),
    content: text(item["content:encoded"]),
    summary: text(item.description),
    published: text(item.pubDate) ?? text(item["dc:date"]),
    updated: text(item["atom:updated"]),
    authors: [...asArray(item["dc:creator"]), ...asArray(item.author)].map(text).filter((a): a is string => Boolean(a)),
    categories: asArray(item.category)
      .map(text)
      .filter((c): c is string => Boolean(c)),
    media: [...asArray(item.enclosure), ...asArray(item["media:content"]), ...asArray(item["media:thumbnail"])]
      .map((m) => ({ url: attr(m, "url") ?? "", type: attr(m, "type") ?? attr(m, "medium") }))
      .filter((m) => m.url),
  };
}

function decodeXmlText(raw: string): string {
  const cdata = raw.match(/^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/);
  if (cdata) return cdata[1];
  return raw.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
  });
}

/** Atom content by its type: xhtml is markup as is (inside its <div>), html and text are escaped text. */
function atomContent(v: unknown): string | undefined {
  const raw = text(v);
  if (!raw) return undefined;
  const type = attr(Array.isArray(v) ? v[0] : v, "type") ?? "text";
  if (type === "xhtml") return raw;
  const decoded = decodeXmlText(raw);
  return type === "html" ? decoded : decoded.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function atomLink(links: unknown): string | undefined {
  const all = asArray(links);
  const alternate = all.find((l) => !attr(l, "rel") || attr(l, "rel") === "alternate");
  return attr(alternate ?? all[0], "href") ?? text(alternate);
}

function atomEntry(entry: Node): FeedItem {
  return {
    title: text(entry.title),
    link: atomLink(entry.link),
    guid: text(entry.id),
    content: atomContent(entry.content),
    summary: text(entry.summary),
    published: text(entry.published) ?? text(entry.issued),
    updated: text(entry.updated) ?? text(entry.modified),
    authors: asArray(entry.author)
      .map((a) => text((a as Node)?.name) ?? text(a))
      .filter((a): a is string => Boolean(a)),
    categories: asArray(entry.category)
      .map((c) => attr(c, "term") ?? text(c))
      .filter((c): c is string => Boolean(c)),
    media: asArray(entry.link)
      .filter((l) => attr(l, "rel") === "enclosure")
      .map((l) => ({ url: attr(l, "href") ?? "", type: attr(l, "type") }))
      .filter((m) => m.url),
  };
}

/** Parses RSS 2.0, RSS 1.0 (RDF) and Atom; broken XML is an ImportError naming the line and reason. */
export function parseFeed(xml: string): Feed {
  if (/<!ENTITY/i.test(xml.slice(0, 65536)))
    throw new ImportError("feed declares its own XML entities, which are not accepted");
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw new ImportError(`broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (asArray(rss.channel)[0] ?? {}) as Node;
    return {
      kind: "rss",
      title: text(channel.title),
      link: text(channel.link),
      language: text(channel.language) ?? text(channel["dc:language"]),
      items: asArray(channel.item).map((i) => rssItem(i as Node)),
    };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    return {
      kind: "atom",
      title: text(feed.title),
      link: atomLink(feed.link),
      language: attr(feed, "xml:lang"),
      items: asArray(feed.entry).map((e) => atomEntry(e as Node)),
    };
  }
  const rdf = doc["rdf:RDF"] as Node | undefined;
  if (rdf) {
    const channel = (asArray(rdf.channel)[0] ?? {}) as Node;
    return {
      kind: "rdf",
      title: text(channel.title),
      link: text(channel.link),
      language: text(channel["dc:language"]),
      items: asArray(rdf.item).map((i) => rssItem(i as Node)),
    };
  }
  throw new ImportError("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)");
}
