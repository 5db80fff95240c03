import { safeText, safeUrl } from "../../ingest/sanitize.ts";
import { captionAndCredit, intAttr } from "../dom.ts";
import type { ImageBlock } from "./schema.ts";

const LAZY_SRC_ATTRS = ["src", "data-src", "data-original", "data-lazy-src", "data-url", "data-hi-res-src"];

function imageSource(img: Element, base?: string): string | undefined {
  for (const attr of LAZY_SRC_ATTRS) {
    const url = safeUrl(img.getAttribute(attr), base);
    if (url) return url;
  }
  const srcset = img.getAttribute("srcset") ?? img.getAttribute("data-srcset");
  const first = srcset?.split(",")[0]?.trim().split(/\s+/)[0];
  return safeUrl(first, base);
}

/** Renditions wider than this are print masters, not pictures for a page. */
const MAX_RENDITION = 4096;

/** The renditions the page offers: the <img>'s srcset and those of its <picture>'s <source>s, widest kept per width. */
function srcsetSizes(img: Element, base?: string): { src: string; width: number }[] {
  const sets = [img.getAttribute("srcset") ?? img.getAttribute("data-srcset") ?? ""];
  const picture = img.parentElement?.tagName === "PICTURE" ? img.parentElement : null;
  for (const source of picture?.querySelectorAll("source") ?? []) {
    const type = source.getAttribute("type");
    // A format browsers may not all show (JXL) is not a rendition to store.
    if (type && !/^image\/(?:jpeg|png|webp|avif|gif)$/i.test(type)) continue;
    sets.push(source.getAttribute("srcset") ?? source.getAttribute("data-srcset") ?? "");
  }
  const byWidth = new Map<number, string>();
  for (const srcset of sets) {
    for (const entry of srcset.split(/,\s+/)) {
      const [raw, descriptor] = entry.trim().split(/\s+/);
      const width = descriptor?.endsWith("w") ? Number.parseInt(descriptor, 10) : Number.NaN;
      const src = safeUrl(raw, base);
      if (src && width > 0 && width <= MAX_RENDITION && !byWidth.has(width)) byWidth.set(width, src);
    }
  }
  return [...byWidth].map(([width, src]) => ({ src, width })).sort((a, b) => a.width - b.width);
}

/**
 * How wide the src rendition is, when something says so: its srcset entry, the width attribute,
 * or a width in its URL (?width=300, ?w=300, -300x200.jpg). Unknown: src is kept as the page chose.
 */
function renditionWidth(
  src: string,
  sizes: { src: string; width: number }[],
  attr: number | undefined,
): number | undefined {
  const listed = sizes.find((s) => s.src === src);
  if (listed) return listed.width;
  if (attr) return attr;
  const hint = src.match(/[?&](?:w|width)=(\d{2,4})\b/) ?? src.match(/-(\d{2,4})x\d{2,4}\.\w+(?:$|\?)/);
  return hint ? Number(hint[1]) : undefined;
}

/** An <img> (lazy-loading attributes and srcset included), with the caption and credit of its figure. */
export function imageFromHtml(img: Element, base: string | undefined, figure: Element | null): ImageBlock | undefined {
  const src = imageSource(img, base);
  if (!src) return undefined;
  const width = intAttr(img, "width");
  const height = intAttr(img, "height");
  // Tracking pixels and spacers are not pictures.
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return undefined;
  const { caption, credit } = captionAndCredit(figure?.querySelector("figcaption") ?? null, figure);
  const sizes = srcsetSizes(img, base);
  // A wider rendition than the one in src is the one to show; the rest stay as the srcset.
  const widest = sizes[sizes.length - 1];
  const shown = renditionWidth(src, sizes, width);
  const block: ImageBlock = {
    type: "image",
    src: widest && shown !== undefined && widest.width > shown ? widest.src : src,
    alt: safeText(img.getAttribute("alt")),
    sizes,
  };
  if (caption) block.caption = caption;
  if (credit) block.credit = credit;
  if (width) block.width = width;
  if (height) block.height = height;
  return block;
}
