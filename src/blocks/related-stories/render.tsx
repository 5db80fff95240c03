/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import { articlePath } from "../../web/urls.ts";
import type { BlockProps } from "../render-context.ts";
import type { RelatedStoriesBlock } from "./schema.ts";

/** "More on this story": links follow the linked article's current URL and drop withdrawn ones. */
export function RelatedStories({ block, index, ctx }: BlockProps<RelatedStoriesBlock>) {
  const items = block.items.flatMap((item) => {
    if (!item.articleId) return [{ title: item.title, url: item.url }];
    const ref = ctx.refs.get(item.articleId);
    if (!ref) return [{ title: item.title, url: item.url }];
    return ref.status === "published" ? [{ title: item.title, url: articlePath(ref) }] : [];
  });
  // A block whose every link was withdrawn disappears; one copied without its links keeps its heading.
  if (items.length === 0 && block.items.length > 0) return null;
  const id = `related-${index}`;
  return (
    <section class="story-links related-stories" aria-labelledby={id}>
      <h2 id={id}>{block.title}</h2>
      {items.length > 0 ? (
        <ul>
          {items.map((i) => (
            <li>
              <a href={i.url}>{i.title}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
