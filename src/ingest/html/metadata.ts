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
    const raw = (script.textContent ?? "").trim().replace(/^<!--|-->$/g, "");
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

function meta(document: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el =
      document.querySelector(`meta[property="${key}"]`) ??
      document.querySelector(`meta[name="${key}"]`) ??
      document.querySelector(`meta[itemprop="${key}"]`);
    const v = el?.getAttribute("content")?.trim();
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

/** "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"]. */
export function splitByline(raw: string | undefined): string[] {
  const text = safeText(raw)
    .replace(/^(by|par|por|von|di|door)\s*:?\s+/i, "")
    .trim();
  if (!text || text.length > 300) return [];
  return text
    .split(/\s+(?:and|&|et|y|e|und)\s+|\s*[;|]\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^https?:/.test(s));
}

function firstTime(document: Document): string | undefined {
  const el =
    document.querySelector('[itemprop="datePublished"]') ??
    document.querySelector("time[pubdate]") ??
    document.querySelector("article time[datetime]") ??
    document.querySelector("time[datetime]");
  return el?.getAttribute("datetime") ?? el?.getAttribute("content") ?? undefined;
}

function httpEquiv(document: Document, name: string): string | undefined {
  for (const el of document.querySelectorAll("meta[http-equiv]")) {
    if (el.getAttribute("http-equiv")?.toLowerCase() === name) return el.getAttribute("content") ?? undefined;
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

  const ldAuthors = personNames(ld.author);
  const metaAuthor = meta(
    document,
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
  );
  const byline = (ldAuthors.length ? ldAuthors : splitByline(metaAuthor))
    .map((n) => safeText(n))
    .filter((n) => n && !/^https?:/.test(n));

  const language = normaliseLanguage(
    html?.getAttribute("lang") ??
      html?.getAttribute("xml:lang") ??
      meta(document, "og:locale", "language", "content-language") ??
      httpEquiv(document, "content-language") ??
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
  };
}
