import {
  type Block,
  type EmbedBlock,
  type ImageBlock,
  MEDIA_FALLBACK_TEXT,
  type MediaBlock,
  type ParagraphBlock,
} from "../../model/blocks.ts";
import { safeText, safeUrl, sanitizeInlineHtml } from "../sanitize.ts";

/**
 * Turns extracted article markup into typed blocks: paragraphs (with sanitized inline links),
 * crossheads, quotes, lists, images with caption and credit, video/audio, and embeds.
 * Every text is plain and safe, every URL absolute http(s).
 */

const ELEMENT = 1;
const TEXT = 3;

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "center",
  "details",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
  "video",
  "audio",
  "iframe",
  "picture",
  "img",
  "embed",
  "object",
  "tr",
  "td",
  "th",
]);
const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "form",
  "button",
  "input",
  "select",
  "textarea",
  "svg",
  "math",
  "nav",
  "object",
  "embed",
  "link",
  "meta",
  "head",
  "title",
  "canvas",
  "map",
  "dialog",
]);
const EMBED_BLOCKQUOTE = /twitter-tweet|instagram-media|tiktok-embed|fb-post|reddit-card/;
const CREDIT_CLASS = /credit|copyright|source|courtesy|photographer/i;
const CREDIT_TEXT =
  /\s*\(?\b(?:credit|photo(?:graph)?|image|picture|foto|source|copyright|©)\s*(?:by)?\s*[:©]\s*([^()]{2,120})\)?\s*$/i;
const MEDIA_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  m4v: "video/mp4",
  webm: "video/webm",
  ogv: "video/ogg",
  mov: "video/quicktime",
  m3u8: "application/vnd.apple.mpegurl",
  mpd: "application/dash+xml",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  aac: "audio/aac",
  oga: "audio/ogg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  opus: "audio/ogg",
};
const LAZY_SRC_ATTRS = ["src", "data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src"];

function tag(node: Node): string {
  return node.nodeType === ELEMENT ? (node as Element).tagName.toLowerCase() : "";
}

/** Text of a subtree with <br> and block boundaries as line breaks (textContent would glue words). */
export function textOf(node: Node): string {
  const parts: string[] = [];
  // Iterative, so depth is no concern; a string on the stack is a line break closing a block.
  const stack: (Node | string)[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n === "string") {
      parts.push(n);
      continue;
    }
    if (n.nodeType === TEXT) {
      parts.push(n.nodeValue ?? "");
      continue;
    }
    if (n.nodeType !== ELEMENT) continue;
    const t = tag(n);
    if (t === "br") {
      parts.push("\n");
      continue;
    }
    if (SKIP_TAGS.has(t) && t !== "form") continue;
    if (BLOCK_TAGS.has(t)) {
      parts.push("\n");
      stack.push("\n");
    }
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return parts.join("");
}

function hasBlockDescendant(el: Element): boolean {
  for (const child of el.children) {
    const t = tag(child);
    if (BLOCK_TAGS.has(t) || hasBlockDescendant(child)) return true;
  }
  return false;
}

function intAttr(el: Element, name: string): number | undefined {
  const n = Number.parseInt(el.getAttribute(name) ?? "", 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function imageSource(img: Element, base?: string): string | undefined {
  for (const attr of LAZY_SRC_ATTRS) {
    const url = safeUrl(img.getAttribute(attr), base);
    if (url) return url;
  }
  const srcset = img.getAttribute("srcset") ?? img.getAttribute("data-srcset");
  const first = srcset?.split(",")[0]?.trim().split(/\s+/)[0];
  return safeUrl(first, base);
}

function srcsetSizes(img: Element, base?: string): { src: string; width: number }[] {
  const srcset = img.getAttribute("srcset") ?? img.getAttribute("data-srcset") ?? "";
  const sizes: { src: string; width: number }[] = [];
  for (const entry of srcset.split(/,\s+/)) {
    const [raw, descriptor] = entry.trim().split(/\s+/);
    const width = descriptor?.endsWith("w") ? Number.parseInt(descriptor, 10) : Number.NaN;
    const src = safeUrl(raw, base);
    if (src && width > 0) sizes.push({ src, width });
  }
  return sizes;
}

/** Caption and credit from a figcaption: a credit-classed element, else a trailing "Credit: …". */
function captionAndCredit(figcaption: Element | null): { caption?: string; credit?: string } {
  if (!figcaption) return {};
  const creditEl = [...figcaption.querySelectorAll("*")].find((e) => CREDIT_CLASS.test(e.getAttribute("class") ?? ""));
  let credit = creditEl ? safeText(textOf(creditEl)) : "";
  let caption = safeText(textOf(figcaption));
  if (credit && caption.endsWith(credit)) caption = caption.slice(0, -credit.length).trim();
  if (!credit) {
    const m = caption.match(CREDIT_TEXT);
    if (m && m.index !== undefined && m.index > 0) {
      credit = m[1].trim();
      caption = caption.slice(0, m.index).trim();
    }
  }
  credit = credit.replace(/^(credit|photo|image|source)\s*:\s*/i, "");
  return { caption: caption || undefined, credit: credit || undefined };
}

function imageBlock(img: Element, base: string | undefined, figcaption: Element | null): ImageBlock | undefined {
  const src = imageSource(img, base);
  if (!src) return undefined;
  const width = intAttr(img, "width");
  const height = intAttr(img, "height");
  // Tracking pixels and spacers are not pictures.
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return undefined;
  const { caption, credit } = captionAndCredit(figcaption);
  const block: ImageBlock = {
    type: "image",
    src,
    alt: safeText(img.getAttribute("alt")),
    sizes: srcsetSizes(img, base),
  };
  if (caption) block.caption = caption;
  if (credit) block.credit = credit;
  if (width) block.width = width;
  if (height) block.height = height;
  return block;
}

function mediaType(url: string, declared: string | null): string | undefined {
  if (declared && /^(video|audio|application)\/[\w.+-]+/.test(declared)) return declared.split(";")[0].trim();
  const ext = new URL(url).pathname.split(".").pop()?.toLowerCase() ?? "";
  return MEDIA_TYPES[ext];
}

function mediaBlock(el: Element, base: string | undefined, figcaption: Element | null): MediaBlock {
  const kind = tag(el) === "audio" ? "audio" : "video";
  const sources: MediaBlock["sources"] = [];
  const candidates = [el, ...el.querySelectorAll("source")];
  for (const c of candidates) {
    const src = safeUrl(c.getAttribute("src") ?? c.getAttribute("data-src"), base);
    const mimeType = src ? mediaType(src, c.getAttribute("type")) : undefined;
    if (src && mimeType) sources.push({ src, mimeType });
  }
  const block: MediaBlock = {
    type: "media",
    kind,
    caption:
      captionAndCredit(figcaption).caption ?? safeText(el.getAttribute("title") ?? el.getAttribute("aria-label")),
    sources,
    fallbackText: MEDIA_FALLBACK_TEXT,
  };
  const poster = safeUrl(el.getAttribute("poster"), base);
  if (poster) block.poster = poster;
  const duration = Number(el.getAttribute("data-duration") ?? el.getAttribute("duration"));
  if (Number.isFinite(duration) && duration > 0) block.durationSeconds = duration;
  return block;
}

/** A player with nothing to play or show (every source unsafe or missing) is left out. */
function playable(block: MediaBlock): MediaBlock | undefined {
  return block.sources.length || block.poster ? block : undefined;
}

function providerOf(url: string): string | undefined {
  const host = new URL(url).hostname.replace(/^www\./, "");
  const known = host.match(
    /(youtube|youtu|vimeo|twitter|x|instagram|facebook|tiktok|soundcloud|spotify|dailymotion|giphy|datawrapper|flourish|scribd|reddit)\.(com|be|de|co|net|dwcdn\.net)$/,
  );
  if (known) return known[1] === "youtu" ? "youtube" : known[1];
  return host || undefined;
}

function embedBlock(url: string | undefined, title?: string | null): EmbedBlock | undefined {
  if (!url) return undefined;
  const block: EmbedBlock = { type: "embed", url };
  const provider = providerOf(url);
  if (provider) block.provider = provider;
  const t = safeText(title);
  if (t) block.title = t;
  return block;
}

function paragraph(html: string, text: string, base?: string): ParagraphBlock | undefined {
  const plain = safeText(text);
  if (!plain) return undefined;
  const block: ParagraphBlock = { type: "paragraph", text: plain };
  // Markup-free paragraphs (most of them) need no sanitizer pass and no `html`.
  if (!html.includes("<")) return block;
  const inline = sanitizeInlineHtml(html, base);
  if (/<[a-z]/.test(inline)) block.html = inline;
  return block;
}

function outerHtml(node: Node): string {
  return node.nodeType === TEXT ? escapeText(node.nodeValue ?? "") : ((node as Element).outerHTML ?? "");
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

class BlockBuilder {
  readonly blocks: Block[] = [];
  private inline: Node[] = [];

  constructor(private readonly base?: string) {}

  private push(block: Block | undefined): void {
    if (block) this.blocks.push(block);
  }

  flush(): void {
    if (this.inline.length === 0) return;
    const nodes = this.inline;
    this.inline = [];
    const html = nodes.map(outerHtml).join("");
    const text = nodes.map(textOf).join("");
    // A run split by <br><br> is several paragraphs.
    const htmlParts = html.split(/(?:<br\s*\/?>\s*){2,}/i);
    const textParts = text.split(/\n\s*\n/);
    if (htmlParts.length > 1 && htmlParts.length === textParts.length) {
      for (const [i, h] of htmlParts.entries()) this.push(paragraph(h, textParts[i], this.base));
    } else {
      this.push(paragraph(html, text, this.base));
    }
  }

  visitChildren(el: Element): void {
    for (const child of el.childNodes) this.visit(child);
  }

  visit(node: Node): void {
    if (node.nodeType === TEXT) {
      this.inline.push(node);
      return;
    }
    if (node.nodeType !== ELEMENT) return;
    const el = node as Element;
    const t = tag(el);
    if (SKIP_TAGS.has(t) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") {
      return;
    }
    if (!BLOCK_TAGS.has(t) && !hasBlockDescendant(el)) {
      this.inline.push(el);
      return;
    }
    this.flush();
    switch (t) {
      case "h1":
      case "h2":
      case "h3":
      case "h4":
      case "h5":
      case "h6": {
        const text = safeText(textOf(el)).slice(0, 500);
        if (text) this.blocks.push({ type: "crosshead", text, level: t === "h1" || t === "h2" ? 2 : 3 });
        return;
      }
      case "p":
        if (el.querySelector("img,video,audio,iframe,picture,figure")) {
          this.visitChildren(el);
          this.flush();
        } else {
          this.push(paragraph(el.innerHTML, textOf(el), this.base));
        }
        return;
      case "blockquote":
        this.blockquote(el);
        return;
      case "ul":
      case "ol":
      case "dl": {
        const items = [...el.children].map((li) => safeText(textOf(li))).filter((s) => s.length > 0);
        if (items.length) this.blocks.push({ type: "list", ordered: t === "ol", items });
        return;
      }
      case "figure":
        this.figure(el);
        return;
      case "img":
        this.push(imageBlock(el, this.base, null));
        return;
      case "picture": {
        const img = el.querySelector("img");
        if (img) this.push(imageBlock(img, this.base, null));
        return;
      }
      case "video":
      case "audio":
        this.push(playable(mediaBlock(el, this.base, null)));
        return;
      case "iframe":
        this.push(
          embedBlock(
            safeUrl(el.getAttribute("src") ?? el.getAttribute("data-src"), this.base),
            el.getAttribute("title"),
          ),
        );
        return;
      case "pre": {
        const text = safeText(textOf(el), { keepNewlines: true });
        if (text) this.blocks.push({ type: "paragraph", text });
        return;
      }
      case "table":
        for (const row of el.querySelectorAll("tr")) {
          const cells = [...row.children].map((c) => safeText(textOf(c))).filter(Boolean);
          if (cells.length) this.blocks.push({ type: "paragraph", text: cells.join(" | ") });
        }
        return;
      case "hr":
        return;
      default:
        this.visitChildren(el);
        this.flush();
    }
  }

  private blockquote(el: Element): void {
    const cls = el.getAttribute("class") ?? "";
    if (EMBED_BLOCKQUOTE.test(cls)) {
      const links = [...el.querySelectorAll("a[href]")];
      const url = safeUrl(links[links.length - 1]?.getAttribute("href") ?? el.getAttribute("cite"), this.base);
      const embed = embedBlock(url, safeText(textOf(el)).slice(0, 2000));
      if (embed) {
        this.push(embed);
        return;
      }
    }
    const text = safeText(textOf(el), { keepNewlines: true });
    if (text) this.blocks.push({ type: "quote", text, pull: /pull/i.test(cls) });
  }

  private figure(el: Element): void {
    const figcaption = el.querySelector("figcaption");
    const media = el.querySelector("video,audio");
    if (media) {
      this.push(playable(mediaBlock(media, this.base, figcaption)));
      return;
    }
    const img = el.querySelector("img");
    if (img) {
      this.push(imageBlock(img, this.base, figcaption));
      return;
    }
    const iframe = el.querySelector("iframe");
    if (iframe) {
      const url = safeUrl(iframe.getAttribute("src") ?? iframe.getAttribute("data-src"), this.base);
      this.push(embedBlock(url, iframe.getAttribute("title") ?? captionAndCredit(figcaption).caption));
      return;
    }
    // A figure holding only text (a chart description, a pull quote) is read as ordinary content.
    for (const child of el.childNodes) if (child !== figcaption) this.visit(child);
    this.flush();
  }
}

/** The typed blocks of an article body rooted at `root`; `base` resolves relative URLs. */
export function htmlToBlocks(root: Element, base?: string): Block[] {
  const builder = new BlockBuilder(base);
  builder.visitChildren(root);
  builder.flush();
  return builder.blocks;
}
