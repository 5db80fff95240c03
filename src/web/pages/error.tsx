/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { SectionInfo } from "../queries.ts";
import type { Site } from "../site.ts";
import { Layout } from "./layout.tsx";

const copy: Record<number, { title: string; text: string }> = {
  400: { title: "Bad request", text: "The address or form could not be understood." },
  404: {
    title: "Page not found",
    text: "Sorry, we couldn't find that page. It may have moved, or the address may be wrong.",
  },
  410: {
    title: "This story has been removed",
    text: "This story is no longer available. It was withdrawn or deleted by the newsroom.",
  },
};

export function ErrorPage(props: {
  site: Site;
  status: 400 | 404 | 410;
  path: string;
  detail?: string;
  sections: SectionInfo[];
}) {
  const { title, text } = copy[props.status];
  return (
    <Layout
      site={props.site}
      sections={props.sections}
      meta={{ title, description: text, path: props.path, noindex: true }}
    >
      <div class="error-page">
        <p class="kicker">Error {props.status}</p>
        <h1>{title}</h1>
        <p>{props.detail ?? text}</p>
        <p>
          <a href="/">Go to the home page</a> or <a href="/search">search for a story</a>.
        </p>
      </div>
    </Layout>
  );
}
