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

/** An <img> (lazy-loading attributes and srcset included), with the caption and credit of its figure. */
export function imageFromHtml(img: Element, base: string | undefined, figure: Element | null): ImageBlock | undefined {
  const src = imageSource(img, base);
  if (!src) return undefined;
  const width = intAttr(img, "width");
  const height = intAttr(img, "height");
  // Tracking pixels and spacers are not pictures.
  if ((width !== undefined && width <= 2) || (height !== undefined && height <= 2)) return undefined;
  const { caption, credit } = captionAndCredit(figure?.querySelector("figcaption") ?? null, figure);
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
