/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from "hono/jsx";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { assetUrl } from "../static-files.ts";
import { feedPath, onSite, searchPath, sectionPath } from "../urls.ts";

export interface PageMeta {
  title: string;
  description: string;
  /** Site-relative path of the canonical URL. */
  path: string;
  /** Absolute canonical URL elsewhere (an imported story's original); default: `path` on this site. */
  canonicalUrl?: string;
  lang?: string;
  dir?: "ltr" | "rtl";
  /** Extra <head> content: Open Graph, JSON-LD, feed links. */
  head?: Child;
  /** Section to mark as current in the navigation. */
  currentSection?: string;
  noindex?: boolean;
  /** Neighbouring pages of a paginated listing, for rel=prev/next. */
  prev?: string;
  next?: string;
  /** The breaking-news banner, on the fronts while it lasts. */
  breaking?: { text: string; url?: string } | null;
}

export function Layout(props: { site: Site; meta: PageMeta; sections: SectionInfo[]; children: Child }) {
  const { site, meta, sections } = props;
  const { t } = site;
  const title =
    meta.path === "/"
      ? site.description
        ? `${site.name} — ${site.description}`
        : site.name
      : `${meta.title} — ${site.name}`;
  return (
    <html lang={meta.lang ?? site.language} dir={meta.dir ?? t.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={meta.canonicalUrl ?? onSite(site.baseUrl, meta.path)} />
        {meta.prev ? <link rel="prev" href={onSite(site.baseUrl, meta.prev)} /> : null}
        {meta.next ? <link rel="next" href={onSite(site.baseUrl, meta.next)} /> : null}
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${site.name} — ${t.allStories}`}
          href={feedPath("rss")}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${site.name} — ${t.allStories} (Atom)`}
          href={feedPath("atom")}
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={`${site.name} — ${t.allStories} (JSON Feed)`}
          href={feedPath("json")}
        />
        {meta.head}
      </head>
      <body>
        <a class="skip-link" href="#content">
          {t.skipToContent}
        </a>
        <header class="masthead" lang={site.language} dir={t.dir}>
          <div class="masthead-inner">
            <a class="brand" href="/">
              {site.config.logo ? <img class="brand-logo" src={site.config.logo} alt="" height={32} /> : null}
              {site.name}
            </a>
            <search class="search-form" aria-label={t.siteSearch}>
              <form action={searchPath()} method="get">
                <label for="masthead-q" class="visually-hidden">
                  {t.searchSite(site.name)}
                </label>
                <input id="masthead-q" name="q" type="search" placeholder={t.searchPlaceholder} />
                <button type="submit">{t.search}</button>
              </form>
            </search>
          </div>
          <nav class="sections" aria-label={t.sectionsNav}>
            <ul>
              <li>
                <a href="/" aria-current={meta.path === "/" ? "page" : undefined}>
                  {t.home}
                </a>
              </li>
              {sections.map((s) => (
                <li>
                  <a href={sectionPath(s.slug)} aria-current={meta.currentSection === s.slug ? "page" : undefined}>
                    {s.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {meta.breaking ? (
          <aside class="breaking" aria-label={t.breaking} lang={site.language} dir={t.dir}>
            <strong>{t.breaking}</strong>{" "}
            {meta.breaking.url ? <a href={meta.breaking.url}>{meta.breaking.text}</a> : meta.breaking.text}
          </aside>
        ) : null}
        <main id="content" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer" lang={site.language} dir={t.dir}>
          <div class="footer-inner">
            <p>
              <strong>{site.name}</strong>
              {site.description ? ` — ${site.description}` : null}
            </p>
            {site.config.footerNote ? <p class="footer-note">{site.config.footerNote}</p> : null}
            <ul>
              {site.config.footerLinks.map((l) => (
                <li>
                  <a href={l.href}>{l.label}</a>
                </li>
              ))}
              <li>
                <a href={feedPath("rss")}>RSS</a>
              </li>
              <li>
                <a href={feedPath("atom")}>Atom</a>
              </li>
              <li>
                <a href={feedPath("json")}>JSON Feed</a>
              </li>
              <li>
                <a href="/sitemap.xml">{t.sitemap}</a>
              </li>
              <li>
                <a href="/api/articles">{t.api}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A complete HTML document as a string. */
export async function renderDocument(page: Child): Promise<string> {
  const html = await (page as { toString(): string | Promise<string> }).toString();
  return `<!DOCTYPE html>${html}`;
}
