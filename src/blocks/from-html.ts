import { parseHTML } from "linkedom";
import { limitNesting } from "../ingest/html/depth.ts";
import type { Block } from "./block.ts";
import { crossheadFromHtml } from "./crosshead/from-html.ts";
import { BLOCK_TAGS, ELEMENT, hasBlockDescendant, SKIP_TAGS, TEXT, tag, textOf } from "./dom.ts";
import { embedFromBlockquote, embedFromFigure, embedFromFrame, isEmbedFigure } from "./embed/from-html.ts";
import { externalLinksFromHtml } from "./external-links/from-html.ts";
import { imageFromHtml } from "./image/from-html.ts";
import { listFromHtml } from "./list/from-html.ts";
import { mediaFromHtml } from "./media/from-html.ts";
import { paragraphFromHtml, preformattedFromHtml, tableRowsFromHtml } from "./paragraph/from-html.ts";
import { quoteFromHtml } from "./quote/from-html.ts";
import { relatedStoriesFromHtml } from "./related-stories/from-html.ts";

/**
 * The one HTML → blocks conversion, used by the HTML, feed and ninjs importers: walks the markup,
 * gathers inline runs into paragraphs and hands each block element to its type's from-html
 * (src/blocks/<type>/from-html.ts). Every text is plain and safe, every URL absolute http(s).
 * Page-specific rules (boilerplate, furniture) stay with the HTML importer.
 */

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
      for (const [i, h] of htmlParts.entries()) this.push(paragraphFromHtml(h, textParts[i], this.base));
    } else {
      this.push(paragraphFromHtml(html, text, this.base));
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
      case "h6":
        this.push(crossheadFromHtml(el));
        return;
      case "p":
        if (el.querySelector("img,video,audio,iframe,picture,figure")) {
          this.visitChildren(el);
          this.flush();
        } else {
          this.push(paragraphFromHtml(el.innerHTML, textOf(el), this.base));
        }
        return;
      case "blockquote":
        this.blockquote(el);
        return;
      case "ul":
      case "ol":
      case "dl":
        this.push(listFromHtml(el));
        return;
      case "figure":
        this.figure(el);
        return;
      case "img":
        this.push(imageFromHtml(el, this.base, null));
        return;
      case "picture": {
        const img = el.querySelector("img");
        if (img) this.push(imageFromHtml(img, this.base, null));
        return;
      }
      case "video":
      case "audio":
        this.push(mediaFromHtml(el, this.base, null));
        return;
      case "iframe":
        this.push(embedFromFrame(el, this.base, null));
        return;
      case "pre":
        this.push(preformattedFromHtml(textOf(el)));
        return;
      case "table":
        for (const row of tableRowsFromHtml(el, textOf)) this.push(row);
        return;
      case "aside": {
        const cls = el.getAttribute("class") ?? "";
        if (/\brelated-stories\b/.test(cls)) this.push(relatedStoriesFromHtml(el, this.base));
        else if (/\bexternal-links\b/.test(cls)) this.push(externalLinksFromHtml(el, this.base));
        else {
          this.visitChildren(el);
          this.flush();
        }
        return;
      }
      case "hr":
        return;
      default:
        this.visitChildren(el);
        this.flush();
    }
  }

  private blockquote(el: Element): void {
    this.push(embedFromBlockquote(el, this.base) ?? quoteFromHtml(el));
  }

  private figure(el: Element): void {
    if (isEmbedFigure(el)) {
      this.push(embedFromFigure(el, this.base));
      return;
    }
    const media = el.querySelector("video,audio");
    if (media) {
      this.push(mediaFromHtml(media, this.base, el));
      return;
    }
    const img = el.querySelector("img");
    if (img) {
      this.push(imageFromHtml(img, this.base, el));
      return;
    }
    const iframe = el.querySelector("iframe");
    if (iframe) {
      this.push(embedFromFrame(iframe, this.base, el));
      return;
    }
    // A figure holding only text (a chart description, a pull quote) is read as ordinary content.
    const figcaption = el.querySelector("figcaption");
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

/**
 * Blocks from an HTML fragment that is all article (a feed item's content, a ninjs body), with no
 * extraction step. `prepare` may take out what the caller reads separately before the walk.
 */
export function fragmentToBlocks(html: string, base?: string, prepare?: (body: Element) => void): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${limitNesting(html).html}</body></html>`);
  const body = document.body as unknown as Element;
  prepare?.(body);
  return htmlToBlocks(body, base);
}
