/** Small helpers the to-html functions share. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
    .join("");
}

/** Name of the ninjs association that carries an image or media block's files (`position` counts from 0 per type). */
export function associationName(type: "image" | "media", position: number): string {
  return `${type}-${position + 1}`;
}

/** A link box (related stories, external links) as an aside that from-html reads back. */
export function linkBoxHtml(
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
