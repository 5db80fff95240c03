import { safeText, safeUrl, sanitizeEmbedHtml } from "../../ingest/sanitize.ts";
import { captionAndCredit, textOf } from "../dom.ts";
import type { EmbedBlock } from "./schema.ts";

const EMBED_BLOCKQUOTE = /twitter-tweet|instagram-media|tiktok-embed|fb-post|reddit-card/;

function providerOf(url: string): string | undefined {
  const host = new URL(url).hostname.replace(/^www\./, "");
  const known = host.match(
    /(youtube|youtu|vimeo|twitter|x|instagram|facebook|tiktok|soundcloud|spotify|dailymotion|giphy|datawrapper|flourish|scribd|reddit)\.(com|be|de|co|net|dwcdn\.net)$/,
  );
  if (known) return known[1] === "youtu" ? "youtube" : known[1];
  return host || undefined;
}

function embedOf(url: string | undefined, title?: string | null): EmbedBlock | undefined {
  if (!url) return undefined;
  const block: EmbedBlock = { type: "embed", url };
  const provider = providerOf(url);
  if (provider) block.provider = provider;
  const t = safeText(title);
  if (t) block.title = t;
  return block;
}

/** An <iframe>, titled by its own title, else the caption of its figure. */
export function embedFromFrame(
  frame: Element,
  base: string | undefined,
  figure: Element | null,
): EmbedBlock | undefined {
  const url = safeUrl(frame.getAttribute("src") ?? frame.getAttribute("data-src"), base);
  const figcaption = figure?.querySelector("figcaption") ?? null;
  return embedOf(url, frame.getAttribute("title") ?? (figure ? captionAndCredit(figcaption).caption : undefined));
}

/** A social-media blockquote (tweet, Instagram post, …) as an embed of the post it links to. */
export function embedFromBlockquote(el: Element, base?: string): EmbedBlock | undefined {
  if (!EMBED_BLOCKQUOTE.test(el.getAttribute("class") ?? "")) return undefined;
  const links = [...el.querySelectorAll("a[href]")];
  const url = safeUrl(links[links.length - 1]?.getAttribute("href") ?? el.getAttribute("cite"), base);
  return embedOf(url, safeText(textOf(el)).slice(0, 2000));
}

/**
 * `<figure class="embed" data-url=…>` as the export writes it: url, provider and title from its
 * attributes, its sanitized markup unless it is only the fallback link.
 */
export function embedFromFigure(figure: Element, base?: string): EmbedBlock | undefined {
  const url = safeUrl(figure.getAttribute("data-url"), base);
  if (!url) return undefined;
  const block: EmbedBlock = { type: "embed", url };
  const provider = safeText(figure.getAttribute("data-provider"));
  if (provider) block.provider = provider;
  const title = safeText(figure.getAttribute("data-title"));
  if (title) block.title = title;
  const onlyLink =
    figure.children.length === 1 && /\bembed-link\b/.test(figure.children[0].getAttribute("class") ?? "");
  const html = onlyLink ? "" : sanitizeEmbedHtml(figure.innerHTML, base);
  if (html) block.html = html;
  return block;
}

export function isEmbedFigure(figure: Element): boolean {
  return /\bembed\b/.test(figure.getAttribute("class") ?? "") && figure.hasAttribute("data-url");
}
