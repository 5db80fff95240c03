import { parseHTML } from "linkedom";
import sanitizeHtml from "sanitize-html";
import type { Correction } from "../../model/article.ts";
import { type Block, EXTERNAL_LINKS_DISCLAIMER, type ImageBlock, type MediaBlock } from "../../model/blocks.ts";
import { safeUrl, sanitizeInlineHtml } from "../sanitize.ts";

/**
 * Reads the body HTML of a ninjs item into blocks: p, h2–h6, blockquote, ul/ol, figure/img,
 * video/audio, iframe and the link boxes blocks-to-html writes. Wrappers (div, section, article) are
 * looked through; scripts, styles, forms and unknown asides are dropped.
 */

// Minimal DOM surface used here; linkedom's types are loose, so name what we rely on.
interface El {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  childNodes: El[];
  children: El[];
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): El[];
  classList: { contains(name: string): boolean };
}

const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "FORM", "BUTTON", "NAV", "HEADER", "SVG", "H1"]);
const WRAPPERS = new Set(["DIV", "SECTION", "ARTICLE", "MAIN", "BODY", "HTML", "SPAN", "CENTER"]);

const clean = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

const EXTENSION_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  m3u8: "application/x-mpegURL",
  mpd: "application/dash+xml",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  wav: "audio/wav",
};

/** The media type of a source: as declared, else guessed from the file extension. */
export function mediaType(src: string, declared?: string | null): string | undefined {
  if (declared && /^(video|audio|application)\/[\w.+-]+/.test(declared)) return declared;
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(src)?.[1]?.toLowerCase();
  return ext ? EXTENSION_TYPES[ext] : undefined;
}

function int(value: string | null): number | undefined {
  const n = value ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** Text of an element without the parts matched by `without` (a credit inside a caption, a cite in a quote). */
function textWithout(el: El, without: string): string {
  const clone = (el as unknown as { cloneNode(deep: boolean): El }).cloneNode(true);
  for (const x of clone.querySelectorAll(without)) (x as unknown as { remove(): void }).remove();
  return clean(clone.textContent);
}

function imageBlock(img: El, figure: El | null, base?: string): ImageBlock | null {
  const src = safeUrl(img.getAttribute("src"), base);
  if (!src) return null;
  const caption = figure?.querySelector("figcaption");
  const creditEl = caption?.querySelector(".credit") ?? figure?.querySelector(".credit, .byline");
  const sizes = (img.getAttribute("srcset") ?? "")
    .split(",")
    .map((part) => part.trim().split(/\s+/))
    .map(([url, w]) => ({ src: safeUrl(url, base), width: int(w?.replace(/w$/, "") ?? null) }))
    .filter((s): s is { src: string; width: number } => !!s.src && !!s.width);
  const block: ImageBlock = { type: "image", src, alt: clean(img.getAttribute("alt")), sizes };
  const captionText = caption ? textWithout(caption, ".credit") : "";
  if (captionText) block.caption = captionText;
  if (creditEl) block.credit = clean(creditEl.textContent);
  const width = int(img.getAttribute("width"));
  const height = int(img.getAttribute("height"));
  if (width) block.width = width;
  if (height) block.height = height;
  return block;
}

function mediaBlock(player: El, figure: El | null, base?: string): MediaBlock {
  const kind = player.tagName === "AUDIO" ? "audio" : "video";
  const sources: MediaBlock["sources"] = [];
  const candidates = [player, ...player.querySelectorAll("source")];
  for (const s of candidates) {
    const src = safeUrl(s.getAttribute("src"), base);
    const mimeType = src && mediaType(src, s.getAttribute("type"));
    if (src && mimeType) sources.push({ src, mimeType });
  }
  const block: MediaBlock = {
    type: "media",
    kind,
    caption: clean(figure?.querySelector("figcaption")?.textContent),
    sources,
    fallbackText: clean(player.querySelector("p")?.textContent) || "Media playback is unsupported on your device",
  };
  const poster = safeUrl(player.getAttribute("poster"), base);
  if (poster) block.poster = poster;
  const duration = Number(player.getAttribute("data-duration"));
  if (player.hasAttribute("data-duration") && Number.isFinite(duration) && duration >= 0)
    block.durationSeconds = duration;
  return block;
}

// Embeds are shown in a sandboxed frame, never inline; still, keep only harmless markup.
function sanitizeEmbed(html: string, base?: string): string {
  return sanitizeHtml(html, {
    allowedTags: ["blockquote", "p", "a", "div", "span", "em", "strong", "br", "iframe", "img", "figure", "figcaption"],
    allowedAttributes: {
      "*": ["class", "title", "lang", "dir"],
      a: ["href"],
      iframe: ["src", "width", "height", "allowfullscreen"],
      img: ["src", "alt", "width", "height"],
    },
    allowedSchemes: ["https", "http"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, href: safeUrl(attribs.href, base) ?? "" } }),
    },
  }).trim();
}

function linkItems(aside: El, base?: string) {
  return aside
    .querySelectorAll("li a")
    .map((a) => ({
      title: clean(a.textContent),
      url: safeUrl(a.getAttribute("href"), base),
      id: a.getAttribute("data-article-id"),
    }))
    .filter((i): i is { title: string; url: string; id: string | null } => !!i.title && !!i.url);
}

/** What the body carries besides blocks. */
export interface BodyExtras {
  corrections: Correction[];
}

export function htmlToBlocks(html: string, base?: string, extras?: BodyExtras): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  const paragraph = (el: El) => {
    const text = clean(el.textContent);
    if (!text) return;
    const hasMarkup = el.children.length > 0;
    blocks.push(
      hasMarkup
        ? { type: "paragraph", text, html: sanitizeInlineHtml(el.innerHTML, base) }
        : { type: "paragraph", text },
    );
  };

  const visit = (el: El) => {
    const tag = el.tagName;
    if (SKIP.has(tag)) return;
    if (tag === "P") return paragraph(el);
    if (/^H[2-6]$/.test(tag)) {
      const text = clean(el.textContent);
      if (text) blocks.push({ type: "crosshead", text: text.slice(0, 500), level: tag === "H2" ? 2 : 3 });
      return;
    }
    if (tag === "BLOCKQUOTE") {
      const text = textWithout(el, "footer, cite");
      const speaker = clean(el.querySelector("cite")?.textContent ?? el.querySelector("footer")?.textContent).replace(
        /^[—–-]\s*/,
        "",
      );
      if (text)
        blocks.push({
          type: "quote",
          text,
          ...(speaker ? { speaker } : {}),
          pull: el.classList.contains("pull-quote"),
        });
      return;
    }
    if (tag === "UL" || tag === "OL") {
      const items = el
        .querySelectorAll("li")
        .map((li) => clean(li.textContent))
        .filter(Boolean);
      if (items.length) blocks.push({ type: "list", ordered: tag === "OL", items });
      return;
    }
    if (tag === "ASIDE") {
      const title = clean(el.querySelector("h2, h3")?.textContent);
      if (el.classList.contains("corrections")) {
        for (const li of el.querySelectorAll("li")) {
          const at = li.querySelector("time")?.getAttribute("datetime");
          const text = textWithout(li, "time");
          if (at && text && !Number.isNaN(Date.parse(at))) extras?.corrections.push({ text, at });
        }
      } else if (el.classList.contains("related-stories")) {
        const items = linkItems(el, base).map((i) => ({
          title: i.title,
          url: i.url,
          ...(i.id ? { articleId: i.id } : {}),
        }));
        blocks.push({ type: "related-stories", title: title || "More on this story", items });
      } else if (el.classList.contains("external-links")) {
        const items = linkItems(el, base).map((i) => ({ title: i.title, url: i.url }));
        const disclaimer = el.querySelector(".disclaimer")?.textContent;
        blocks.push({
          type: "external-links",
          title: title || "Related Internet links",
          items,
          disclaimer: clean(disclaimer) || EXTERNAL_LINKS_DISCLAIMER,
        });
      }
      return;
    }
    if (tag === "FIGURE" && el.classList.contains("embed")) {
      const url =
        safeUrl(el.getAttribute("data-url"), base) ?? safeUrl(el.querySelector("iframe")?.getAttribute("src"), base);
      if (!url) return;
      const only = el.children.length === 1 && el.children[0].classList.contains("embed-link");
      const embedHtml = only ? "" : sanitizeEmbed(el.innerHTML, base);
      const provider = el.getAttribute("data-provider");
      const title = el.getAttribute("data-title");
      blocks.push({
        type: "embed",
        url,
        ...(provider ? { provider } : {}),
        ...(title ? { title } : {}),
        ...(embedHtml ? { html: embedHtml } : {}),
      });
      return;
    }
    if (
      tag === "FIGURE" ||
      tag === "VIDEO" ||
      tag === "AUDIO" ||
      tag === "IMG" ||
      tag === "IFRAME" ||
      tag === "PICTURE"
    ) {
      const figure = tag === "FIGURE" ? el : null;
      const player = tag === "VIDEO" || tag === "AUDIO" ? el : el.querySelector("video, audio");
      if (player) return void blocks.push(mediaBlock(player, figure, base));
      const img = tag === "IMG" ? el : el.querySelector("img");
      if (img) {
        const b = imageBlock(img, figure, base);
        if (b) blocks.push(b);
        return;
      }
      const frame = tag === "IFRAME" ? el : el.querySelector("iframe");
      const url = frame && safeUrl(frame.getAttribute("src"), base);
      if (url)
        blocks.push({
          type: "embed",
          url,
          ...(frame?.getAttribute("title") ? { title: clean(frame.getAttribute("title")) } : {}),
        });
      return;
    }
    if (WRAPPERS.has(tag)) {
      // Loose text between block elements is a paragraph of its own.
      let loose = "";
      const flush = () => {
        const text = clean(loose);
        if (text) blocks.push({ type: "paragraph", text });
        loose = "";
      };
      for (const child of el.childNodes) {
        if (child.nodeType === 3) loose += child.textContent ?? "";
        else if (child.nodeType === 1) {
          if (child.tagName === "BR") {
            flush();
            continue;
          }
          if (["A", "EM", "STRONG", "B", "I", "U", "SMALL", "SUP", "SUB", "CODE"].includes(child.tagName)) {
            loose += child.textContent ?? "";
            continue;
          }
          flush();
          visit(child);
        }
      }
      flush();
    }
  };
  visit(document.body as unknown as El);
  return blocks;
}

/** A plain-text body: paragraphs separated by blank lines (or by single newlines when there are none). */
export function textToBlocks(text: string): Block[] {
  const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split("\n");
  return parts
    .map(clean)
    .filter(Boolean)
    .map((t) => ({ type: "paragraph" as const, text: t }));
}
