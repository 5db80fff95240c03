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
  lang?: string;
  dir?: "ltr" | "rtl";
  /** Extra <head> content: Open Graph, JSON-LD, feed links. */
  head?: Child;
  /** Section to mark as current in the navigation. */
  currentSection?: string;
  noindex?: boolean;
}

export function Layout(props: { site: Site; meta: PageMeta; sections: SectionInfo[]; children: Child }) {
  const { site, meta, sections } = props;
  const title = meta.path === "/" ? `${site.name} — ${site.description}` : `${meta.title} — ${site.name}`;
  return (
    <html lang={meta.lang ?? site.language} dir={meta.dir ?? "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={onSite(site.baseUrl, meta.path)} />
        <link rel="stylesheet" href={assetUrl("site.css")} />
        <link rel="icon" href={assetUrl("favicon.svg")} type="image/svg+xml" />
        <link rel="alternate" type="application/rss+xml" title={`${site.name} — all stories`} href={feedPath("rss")} />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${site.name} — all stories (Atom)`}
          href={feedPath("atom")}
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={`${site.name} — all stories (JSON Feed)`}
          href={feedPath("json")}
        />
        {meta.head}
      </head>
      <body>
        <a class="skip-link" href="#content">
          Skip to content
        </a>
        <header class="masthead">
          <div class="masthead-inner">
            <a class="brand" href="/">
              {site.name}
            </a>
            <search class="search-form" aria-label="Site search">
              <form action={searchPath()} method="get">
                <label for="masthead-q" class="visually-hidden">
                  Search {site.name}
                </label>
                <input id="masthead-q" name="q" type="search" placeholder="Search" />
                <button type="submit">Search</button>
              </form>
            </search>
          </div>
          <nav class="sections" aria-label="Sections">
            <ul>
              <li>
                <a href="/" aria-current={meta.path === "/" ? "page" : undefined}>
                  Home
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
        <main id="content" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="footer-inner">
            <p>
              <strong>{site.name}</strong> — {site.description}
            </p>
            <p class="footer-note">
              The sample newsroom is invented: its towns, councils, companies and people are fictional.
            </p>
            <ul>
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
                <a href="/sitemap.xml">Sitemap</a>
              </li>
              <li>
                <a href="/api/articles">API</a>
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
