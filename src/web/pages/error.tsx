/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { Layout } from "./layout.tsx";

export function ErrorPage(props: {
  site: Site;
  status: 400 | 404 | 410;
  path: string;
  detail?: string;
  sections: SectionInfo[];
}) {
  const { t } = props.site;
  const { title, text } = t.errors[props.status];
  return (
    <Layout
      site={props.site}
      sections={props.sections}
      meta={{ title, description: text, path: props.path, noindex: true }}
    >
      <div class="error-page">
        <p class="kicker">{t.errorKicker(props.status)}</p>
        <h1>{title}</h1>
        <p>{props.detail ?? text}</p>
        <p>
          <a href="/">{t.goHome}</a> · <a href="/search">{t.orSearch}</a>
        </p>
      </div>
    </Layout>
  );
}
