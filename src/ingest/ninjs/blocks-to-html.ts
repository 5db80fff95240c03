import type { Correction } from "../../model/article.ts";
import type { Block, ImageBlock, MediaBlock } from "../../model/blocks.ts";

/**
 * Renders blocks as the body HTML of a ninjs item: plain, standard markup any consumer can show,
 * with a class on the few elements (pull quotes, media, embeds, link boxes) that html-to-blocks needs
 * to read the same blocks back.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join("");
}

/** Name of the ninjs association that carries an image or media block's files. */
export function associationName(block: ImageBlock | MediaBlock, index: number): string {
  return `${block.type}-${index + 1}`;
}

function image(b: ImageBlock, ref: string): string {
  const srcset = b.sizes.length ? b.sizes.map((s) => `${s.src} ${s.width}w`).join(", ") : undefined;
  const img =
    b.src === undefined
      ? ""
      : `<img${attrs({ src: b.src, alt: b.alt, width: b.width, height: b.height, srcset, "data-assoc-ref": ref })}>`;
  const credit = b.credit !== undefined ? `<small class="credit">${escapeHtml(b.credit)}</small>` : "";
  const caption =
    b.caption !== undefined || credit ? `<figcaption>${escapeHtml(b.caption ?? "")}${credit}</figcaption>` : "";
  return `<figure class="image">${img}${caption}</figure>`;
}

function media(b: MediaBlock, ref: string): string {
  const sources = b.sources.map((s) => `<source${attrs({ src: s.src, type: s.mimeType })}>`).join("");
  const player = `<${b.kind} controls${attrs({ poster: b.poster, "data-duration": b.durationSeconds, "data-assoc-ref": ref })}>${sources}<p>${escapeHtml(b.fallbackText)}</p></${b.kind}>`;
  return `<figure class="media">${player}<figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
}

function links(
  kind: string,
  title: string,
  items: { title: string; url: string; articleId?: string }[],
  disclaimer?: string,
): string {
  const list = items
    .map((i) => `<li><a${attrs({ href: i.url, "data-article-id": i.articleId })}>${escapeHtml(i.title)}</a></li>`)
    .join("");
  const note = disclaimer !== undefined ? `<p class="disclaimer">${escapeHtml(disclaimer)}</p>` : "";
  return `<aside class="${kind}"><h2>${escapeHtml(title)}</h2><ul>${list}</ul>${note}</aside>`;
}

export function blocksToHtml(blocks: Block[]): string {
  let images = 0;
  let medias = 0;
  const render = (b: Block): string => {
    switch (b.type) {
      case "paragraph":
        return `<p>${b.html ?? escapeHtml(b.text)}</p>`;
      case "crosshead":
        return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
      case "quote": {
        const cite = b.speaker !== undefined ? `<footer><cite>${escapeHtml(b.speaker)}</cite></footer>` : "";
        return `<blockquote${b.pull ? ' class="pull-quote"' : ""}><p>${escapeHtml(b.text)}</p>${cite}</blockquote>`;
      }
      case "media":
        return media(b, associationName(b, medias++));
      case "image":
        return image(b, associationName(b, images++));
      case "list": {
        const tag = b.ordered ? "ol" : "ul";
        return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${tag}>`;
      }
      case "embed":
        return `<figure${attrs({ class: "embed", "data-url": b.url, "data-provider": b.provider, "data-title": b.title })}>${b.html ?? `<a class="embed-link" href="${escapeHtml(b.url)}">${escapeHtml(b.title ?? b.url)}</a>`}</figure>`;
      case "related-stories":
        return links("related-stories", b.title, b.items);
      case "external-links":
        return links("external-links", b.title, b.items, b.disclaimer);
    }
  };
  return blocks.map(render).join("\n");
}

/** Correction notices go to readers, so they travel in the body, after the story. */
export function correctionsToHtml(corrections: Correction[]): string {
  if (corrections.length === 0) return "";
  const items = corrections
    .map((c) => `<li><time datetime="${escapeHtml(c.at)}">${escapeHtml(c.at)}</time> ${escapeHtml(c.text)}</li>`)
    .join("");
  return `\n<aside class="corrections"><h2>Corrections</h2><ul>${items}</ul></aside>`;
}
