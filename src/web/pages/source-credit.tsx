/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { type Article, creditedSource } from "../../model/article.ts";
import { formatDate } from "./format.ts";

/** "Originally published by Connecticut Post on 20 November 2019": the same words on the page and in feeds. */
export function creditText(publisher: string, published?: string): string {
  return `Originally published by ${publisher}${published ? ` on ${formatDate(published)}` : ""}`;
}

/** The credit line of an imported story, linked to the original; nothing for the newsroom's own. */
export function SourceCredit({ article }: { article: Pick<Article, "source"> }) {
  const source = creditedSource(article);
  if (!source) return null;
  const publisher = source.publisher ?? new URL(source.url).hostname;
  return (
    <p class="source-credit">
      Originally published by{" "}
      <a href={source.url} rel="external">
        {publisher}
      </a>
      {source.published ? (
        <>
          {" "}
          on <time datetime={source.published}>{formatDate(source.published)}</time>
        </>
      ) : null}
    </p>
  );
}
