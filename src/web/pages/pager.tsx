/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Site } from "../site.ts";

/** The address of page `n` of a listing: page 1 is the listing's own address. */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}?page=${n}`;
}

/** Previous / "Page 2 of 14" / Next under a listing; nothing when it fits on one page. */
export function Pager(props: { site: Site; base: string; page: number; last: number }) {
  const { site, base, page, last } = props;
  if (last <= 1) return null;
  return (
    <nav class="pager" aria-label={site.t.pages}>
      {page > 1 ? (
        <a href={pagePath(base, page - 1)} rel="prev">
          {site.t.previous}
        </a>
      ) : null}
      <span>{site.t.pageOf(page, last)}</span>
      {page < last ? (
        <a href={pagePath(base, page + 1)} rel="next">
          {site.t.next}
        </a>
      ) : null}
    </nav>
  );
}
