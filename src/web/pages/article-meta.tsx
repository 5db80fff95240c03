/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import { ogImageOf } from "../../media/paths.ts";
import { type Article, creditedSource } from "../../model/article.ts";
import type { Site } from "../site.ts";
import { absolute, onSite } from "../urls.ts";

export function leadImage(article: Article): { src: string; alt: string; width?: number; height?: number } | null {
  for (const b of article.blocks)
    if (b.type === "image" && b.src) return { src: b.src, alt: b.alt, width: b.width, height: b.height };
  for (const b of article.blocks) if (b.type === "media" && b.poster) return { src: b.poster, alt: b.caption };
  return null;
}

/** The original an imported story is based on, as schema.org sees it; nothing for the newsroom's own. */
function basedOn(article: Article): object | undefined {
  const source = creditedSource(article);
  if (!source) return undefined;
  return {
    "@type": "NewsArticle",
    url: source.url,
    datePublished: source.published,
    publisher: source.publisher ? { "@type": "Organization", name: source.publisher } : undefined,
  };
}

/** schema.org NewsArticle, for search engines and aggregators. */
export function newsArticleJsonLd(site: Site, article: Article, path: string, modifiedAt: string): object {
  const image = leadImage(article);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    description: article.summary || undefined,
    inLanguage: article.language,
    articleSection: article.section,
    datePublished: article.firstPublished ?? undefined,
    dateModified: article.updated ?? article.firstPublished ?? modifiedAt,
    mainEntityOfPage: { "@type": "WebPage", "@id": absolute(site.baseUrl, path) },
    url: absolute(site.baseUrl, path),
    image: image ? [absolute(site.baseUrl, image.src)] : undefined,
    author: article.byline.map((p) => ({ "@type": "Person", name: p.name, jobTitle: p.role })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.name,
      url: absolute(site.baseUrl, "/"),
      logo: { "@type": "ImageObject", url: absolute(site.baseUrl, "/static/favicon.svg") },
    },
    about: [
      ...article.people.map((p) => ({ "@type": "Person", name: p.name })),
      ...article.organisations.map((o) => ({ "@type": "Organization", name: o.name })),
      ...article.places.map((p) => ({ "@type": "Place", name: p.name })),
    ],
    isBasedOn: basedOn(article),
    correction:
      article.corrections?.length > 0
        ? article.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.text, datePublished: c.at }))
        : undefined,
  };
}

// JSON inside <script> must not be able to close the element.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function ArticleHead(props: { site: Site; article: Article; path: string; modifiedAt: string }) {
  const { site, article, path } = props;
  const url = onSite(site.baseUrl, path);
  const image = leadImage(article);
  // Library images have a 1200 px JPEG made for social cards.
  const cardImage = image ? (ogImageOf(image.src) ?? image.src) : null;
  const description = article.summary || article.headline;
  return (
    <>
      <meta property="og:type" content="article" />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:title" content={article.headline} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={article.language.replace("-", "_")} />
      {cardImage ? <meta property="og:image" content={absolute(site.baseUrl, cardImage)} /> : null}
      {image?.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
      {article.firstPublished ? <meta property="article:published_time" content={article.firstPublished} /> : null}
      {article.updated ? <meta property="article:modified_time" content={article.updated} /> : null}
      <meta property="article:section" content={article.section} />
      {article.tags.map((t) => (
        <meta property="article:tag" content={t} />
      ))}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={article.headline} />
      <meta name="twitter:description" content={description} />
      {cardImage ? <meta name="twitter:image" content={absolute(site.baseUrl, cardImage)} /> : null}
      <script type="application/ld+json">
        {raw(scriptSafeJson(newsArticleJsonLd(site, article, path, props.modifiedAt)))}
      </script>
    </>
  );
}
