/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ArticleSummary } from "../../store/articles.ts";
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { archivePath } from "../urls.ts";
import { Layout } from "./layout.tsx";
import { Pager, pagePath } from "./pager.tsx";
import { StoryList } from "./story-list.tsx";

/** Every story first published in one month (in the site's time zone), oldest first. */
export function ArchivePage(props: {
  site: Site;
  year: number;
  month: number;
  stories: ArticleSummary[];
  page: number;
  last: number;
  sections: SectionInfo[];
}) {
  const { site, year, month, page, last } = props;
  const { t } = site;
  const base = archivePath(year, month);
  const title = t.archiveTitle(site.time.month(year, month));
  const prevMonth = month === 1 ? archivePath(year - 1, 12) : archivePath(year, month - 1);
  const nextMonth = month === 12 ? archivePath(year + 1, 1) : archivePath(year, month + 1);
  return (
    <Layout
      site={site}
      sections={props.sections}
      meta={{
        title: page > 1 ? `${title} (${t.pageOf(page, last)})` : title,
        description: title,
        path: pagePath(base, page),
        prev: page > 1 ? pagePath(base, page - 1) : undefined,
        next: page < last ? pagePath(base, page + 1) : undefined,
      }}
    >
      <header class="page-header">
        <h1>{title}</h1>
        <p class="archive-months">
          <a href={prevMonth}>← {site.time.month(month === 1 ? year - 1 : year, month === 1 ? 12 : month - 1)}</a>{" "}
          <a href={nextMonth}>{site.time.month(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1)} →</a>
        </p>
      </header>
      <StoryList site={site} stories={props.stories} showSection />
      <Pager site={site} base={base} page={page} last={last} />
    </Layout>
  );
}
