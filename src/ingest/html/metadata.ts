import { parseDate as chronoParseDate } from "chrono-node";
import { safeText, safeUrl } from "../sanitize.ts";

/** What a page says about itself, before the body is looked at. Every field is already safe text. */
export interface PageMetadata {
  headline?: string;
  summary?: string;
  byline: string[];
  published?: string;
  updated?: string;
  section?: string;
  language?: string;
  direction?: "ltr" | "rtl";
  canonicalUrl?: string;
  leadImage?: string;
  siteName?: string;
  /** The JSON-LD publisher's name (may be a wire agency rather than the site at the URL). */
  publisher?: string;
  /** The headline as the page's candidates give it, for finding site, author and section affixes. */
  titleCandidates: string[];
  /** The alt text the page gives its share image (og:image:alt, twitter:image:alt, JSON-LD image caption). */
  leadImageAlt?: string;
  /** The byline as shown on the page, a fallback when neither metadata nor Readability names anyone. */
  pageByline: string[];
  /** Keywords the page tags itself with. */
  tags: string[];
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|WebPage)$/;
const RTL_LANGUAGES = /^(ar|arc|ckb|dv|fa|ha|he|iw|khw|ks|ku|ps|sd|ur|yi)(-|$)/i;

function asArray<T>(v: T | T[] | undefined | null): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number") return String(v);
  if (v && typeof v === "object" && "@value" in v) return str((v as Json)["@value"]);
  return undefined;
}

/** Every JSON-LD node on the page, with @graph and arrays flattened. */
function jsonLdNodes(document: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== "object") return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const node = v as Json;
    nodes.push(node);
    if (node["@graph"]) visit(node["@graph"], depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    // Pages wrap JSON-LD in comments or CDATA sections (XHTML serialisations).
    const raw = (script.textContent ?? "")
      .trim()
      .replace(/^(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)$/g, "")
      .replace(/^\s*(?:\/\/)?\s*<!\[CDATA\[|(?:\/\/)?\s*\]\]>\s*$/g, "");
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Broken JSON-LD is common; the other metadata still applies.
    }
  }
  return nodes;
}

function articleNode(nodes: Json[]): Json | undefined {
  const typed = nodes.filter((n) =>
    asArray(n["@type"] as string | string[]).some((t) => ARTICLE_TYPES.test(String(t))),
  );
  // A real article type beats a generic WebPage.
  return typed.find((n) => !asArray(n["@type"] as string[]).includes("WebPage")) ?? typed[0];
}

function personNames(v: unknown): string[] {
  const names: string[] = [];
  for (const p of asArray(v as unknown[])) {
    if (typeof p === "string") names.push(p);
    else if (p && typeof p === "object") {
      const name = str((p as Json).name);
      if (name) names.push(name);
    }
  }
  return names;
}

function imageUrl(v: unknown): string | undefined {
  for (const i of asArray(v as unknown[])) {
    if (typeof i === "string") return i;
    if (i && typeof i === "object") {
      const url = str((i as Json).url) ?? str((i as Json)["@id"]) ?? str((i as Json).contentUrl);
      if (url) return url;
    }
  }
  return undefined;
}

const metaCache = new WeakMap<Document, Map<string, string>>();

/** Every <meta> by property, name, itemprop and http-equiv (lower-cased), read once: one walk instead of one per key. */
function metaTags(document: Document): Map<string, string> {
  let tags = metaCache.get(document);
  if (tags) return tags;
  tags = new Map();
  for (const el of document.querySelectorAll("meta")) {
    const content = el.getAttribute("content")?.trim();
    if (!content) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr)?.toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  metaCache.set(document, tags);
  return tags;
}

function meta(document: Document, ...keys: string[]): string | undefined {
  const tags = metaTags(document);
  for (const key of keys) {
    const v = tags.get(key.toLowerCase());
    if (v) return v;
  }
  return undefined;
}

/**
 * A date string as an ISO timestamp with offset. Timestamps without an offset are read as UTC;
 * free text ("Updated 5:27 am CST, Nov 20, 2019") goes through chrono.
 */
export function normaliseDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  const iso = text.match(/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i);
  let date: Date | null = null;
  if (iso) {
    const [, day, time = "00:00:00", zone = "Z"] = iso;
    const offset = zone.toUpperCase() === "Z" ? "Z" : zone.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2");
    const seconds = time.length === 5 ? `${time}:00` : time.replace(/(\.\d{3})\d+$/, "$1");
    date = new Date(`${day}T${seconds}${offset}`);
  } else if (/^\d{10}(\d{3})?$/.test(text)) {
    date = new Date(Number(text) * (text.length === 10 ? 1000 : 1));
  } else {
    date = chronoParseDate(text, { instant: new Date(0), timezone: "UTC" }) ?? null;
  }
  if (!date || Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= 1900 && year <= 2200 ? date.toISOString() : undefined;
}

/** "en_US" and "EN-us" become "en-US"; anything not shaped like a BCP 47 tag is dropped. */
export function normaliseLanguage(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const parts = raw.trim().replace(/_/g, "-").split("-");
  if (!/^[A-Za-z]{2,3}$/.test(parts[0])) return undefined;
  const tag = [parts[0].toLowerCase(), ...parts.slice(1).map((p) => (p.length === 2 ? p.toUpperCase() : p))].join("-");
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : parts[0].toLowerCase();
}

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]; "Mac & i" and "(avec A et B)" stay whole. */
export function splitByline(raw: string | undefined): string[] {
  const text = safeText(raw)
    .replace(/^(by|par|por|von|di|door|de)\s*:?\s+/i, "")
    // A date shown after the names ("JANE DOE March 11, 2015 3:46 PM") is not part of the byline.
    .replace(
      /\s+(?:(?:updated|published|posted)\b.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d.*|\d{1,2}[/.]\d{1,2}[/.]\d.*)$/i,
      "",
    )
    .trim();
  if (!text || text.length > 300 || /^https?:/.test(text)) return [];
  const names: string[] = [];
  let depth = 0;
  let current = "";
  // Split on separators outside parentheses only.
  for (const part of text.split(/(\s+(?:and|&|et|y|e|und)\s+|\s*[;|]\s*|[()])/i)) {
    if (part === "(") depth++;
    if (part === ")") depth = Math.max(0, depth - 1);
    const separator = /^\s*(?:and|&|et|y|e|und|;|\|)\s*$/i.test(part);
    if (separator && depth === 0 && current.trim().split(/\s+/).length >= 2) {
      names.push(current.trim());
      current = "";
    } else {
      current += part;
    }
  }
  if (current.trim()) {
    // "Mac & i": a one-word tail after a separator belongs to the name before it.
    if (names.length && current.trim().split(/\s+/).length < 2) names[names.length - 1] += ` & ${current.trim()}`;
    else names.push(current.trim());
  }
  return names
    .flatMap(splitCommas)
    .map((s) => s.replace(/\d+$/, "").trim())
    .filter((s) => s.length > 0 && !/^https?:/.test(s) && !WEEKDAY.test(s));
}

const WEEKDAY = /^(mon|tues|wednes|thurs|fri|satur|sun)day,?$/i;
const ROLE_WORDS =
  /\b(writer|editor|correspondent|reporter|staff|news|contributor|columnist|journalist|producer|author|ap|reuters|afp|ma|phd|md)\b/i;

/** "Stella Kim, Jennifer Jett" is two people; "Robert Burns, AP Writer" is one person and a role. */
function splitCommas(name: string): string[] {
  if (!name.includes(",") || /\(/.test(name)) return [name];
  const parts = name.split(/\s*,\s*/).filter(Boolean);
  const allNames = parts.every(
    (p) => /^(\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}.'’-]*$/u.test(p) && !ROLE_WORDS.test(p),
  );
  return allNames ? parts : [parts[0]];
}

const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  ".byline",
  '[class*="byline"]',
  '[class*="author-name"]',
  '[class*="authorName"]',
  ".author",
];

/** The byline as the page shows it, for pages whose metadata names no author. */
function domByline(document: Document): string | undefined {
  const candidates = [...document.querySelectorAll(BYLINE_SELECTORS.join(", "))];
  for (const selector of BYLINE_SELECTORS) {
    for (const el of candidates.filter((c) => c.matches(selector))) {
      const text = safeText(el.textContent);
      // A byline is a few words of names, not a date line or a paragraph.
      if (text.length >= 3 && text.length <= 100 && !/\d{1,2}:\d{2}|\d{4}/.test(text)) return text;
    }
  }
  return undefined;
}

function firstTime(document: Document): string | undefined {
  // One walk over the candidates, then the preference order.
  const found = [...document.querySelectorAll('[itemprop="datePublished"], time')];
  const el =
    found.find((e) => e.getAttribute("itemprop") === "datePublished") ??
    found.find((e) => e.hasAttribute("pubdate")) ??
    found.find((e) => e.hasAttribute("datetime") && e.closest("article")) ??
    found.find((e) => e.hasAttribute("datetime"));
  return el?.getAttribute("datetime") ?? el?.getAttribute("content") ?? undefined;
}

function keywords(ldKeywords: unknown, document: Document): string[] {
  const raw = asArray(ldKeywords as string[])
    .map(str)
    .filter((k): k is string => Boolean(k));
  const list = raw.length ? raw : [meta(document, "news_keywords", "keywords") ?? ""];
  const tags = list
    .flatMap((k) => k.split(","))
    .map((k) => safeText(k).slice(0, 100))
    .filter(Boolean);
  for (const el of document.querySelectorAll('meta[property="article:tag"]')) {
    const t = safeText(el.getAttribute("content")).slice(0, 100);
    if (t) tags.push(t);
  }
  return [...new Set(tags)].slice(0, 30);
}

/** The headline the page shows: an h1 marked as the headline, else the first h1 in the article, else the only h1. */
function pageHeadline(document: Document): string | undefined {
  const marked = document.querySelector(
    'h1[itemprop="headline"], [itemprop="headline"] h1, h1.headline, h1.entry-title',
  );
  const h1s = document.querySelectorAll("h1");
  const el = marked ?? document.querySelector("article h1") ?? (h1s.length === 1 ? h1s[0] : null);
  return el?.textContent ?? undefined;
}

function imageCaption(v: unknown): string | undefined {
  for (const i of asArray(v as unknown[])) {
    if (i && typeof i === "object") return str((i as Json).caption) ?? str((i as Json).description);
  }
  return undefined;
}

/** Reads JSON-LD, Open Graph and other meta tags, <time> and rel=canonical; JSON-LD first. */
export function readMetadata(document: Document, baseUrl?: string): PageMetadata {
  const ld = articleNode(jsonLdNodes(document)) ?? {};
  const html = document.documentElement;
  const canonicalRaw =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url") ?? str(ld.url);
  const canonicalUrl = safeUrl(canonicalRaw, baseUrl);
  const base = baseUrl ?? canonicalUrl;

  const ldAuthors = personNames(ld.author)
    .map((n) => safeText(n))
    .filter((n) => n && !/^https?:/.test(n));
  const metaNames = splitByline(
    meta(
      document,
      "author",
      "article:author_name",
      "article:author",
      "byl",
      "dc.creator",
      "sailthru.author",
      "parsely-author",
    ),
  );
  const byline = ldAuthors.length ? ldAuthors : metaNames;

  const language = normaliseLanguage(
    html?.getAttribute("lang") ??
      html?.getAttribute("xml:lang") ??
      meta(document, "og:locale", "language", "content-language") ??
      meta(document, "content-language") ??
      str(ld.inLanguage),
  );
  const dirAttr = (html?.getAttribute("dir") ?? document.body?.getAttribute("dir") ?? "").toLowerCase();
  const direction =
    dirAttr === "rtl" || dirAttr === "ltr" ? dirAttr : language && RTL_LANGUAGES.test(language) ? "rtl" : undefined;

  const headline = safeText(
    str(ld.headline) ??
      meta(document, "og:title", "twitter:title", "title") ??
      document.querySelector("title")?.textContent,
  );
  const summary = safeText(
    str(ld.description) ?? meta(document, "og:description", "description", "twitter:description"),
  );
  const section = safeText(
    asArray(ld.articleSection as string[])
      .map(str)
      .find(Boolean) ?? meta(document, "article:section", "section", "parsely-section", "og:section"),
  );

  return {
    headline: headline || undefined,
    summary: summary || undefined,
    byline,
    published: normaliseDate(
      str(ld.datePublished) ??
        meta(
          document,
          "article:published_time",
          "datePublished",
          "pubdate",
          "publishdate",
          "publish-date",
          "date",
          "dc.date",
          "dcterms.created",
          "sailthru.date",
          "parsely-pub-date",
        ) ??
        firstTime(document),
    ),
    updated: normaliseDate(
      str(ld.dateModified) ??
        meta(document, "article:modified_time", "dateModified", "og:updated_time", "last-modified"),
    ),
    section: section ? section.slice(0, 100) : undefined,
    language,
    direction,
    canonicalUrl,
    leadImage: safeUrl(imageUrl(ld.image) ?? meta(document, "og:image", "og:image:url", "twitter:image"), base),
    siteName: safeText(meta(document, "og:site_name", "application-name")) || undefined,
    publisher: safeText(personNames(ld.publisher)[0]) || undefined,
    titleCandidates: [
      str(ld.headline),
      meta(document, "og:title"),
      meta(document, "twitter:title"),
      document.querySelector("title")?.textContent ?? undefined,
      pageHeadline(document),
    ]
      .map((t) => safeText(t))
      .filter(Boolean),
    leadImageAlt: safeText(meta(document, "og:image:alt", "twitter:image:alt") ?? imageCaption(ld.image)) || undefined,
    pageByline: splitByline(domByline(document)),
    tags: keywords(ld.keywords, document),
  };
}
