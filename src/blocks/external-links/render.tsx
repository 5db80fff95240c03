/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { ExternalLinksBlock } from "./schema.ts";

export function ExternalLinks({ block, index }: BlockProps<ExternalLinksBlock>) {
  const id = `external-${index}`;
  return (
    <section class="story-links external-links" aria-labelledby={id}>
      <h2 id={id}>{block.title}</h2>
      {block.items.length > 0 ? (
        <ul>
          {block.items.map((i) => (
            <li>
              <a href={i.url} rel="external noopener">
                {i.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="disclaimer">{block.disclaimer}</p>
    </section>
  );
}
