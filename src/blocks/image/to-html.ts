import { associationName, attrs, escapeHtml } from "../html.ts";
import type { ImageBlock } from "./schema.ts";

export function imageToHtml(b: ImageBlock, position: number): string {
  const ref = associationName("image", position);
  const srcset = b.sizes.length ? b.sizes.map((s) => `${s.src} ${s.width}w`).join(", ") : undefined;
  const img =
    b.src === undefined
      ? ""
      : `<img${attrs({ src: b.src, alt: b.alt, width: b.width, height: b.height, srcset, "data-assoc-ref": ref })}>`;
  // data-credit carries the credit exactly; from-html would otherwise drop a leading "Photo:".
  const credit =
    b.credit !== undefined
      ? `<small${attrs({ class: "credit", "data-credit": b.credit })}>${escapeHtml(b.credit)}</small>`
      : "";
  const caption =
    b.caption !== undefined || credit ? `<figcaption>${escapeHtml(b.caption ?? "")}${credit}</figcaption>` : "";
  return `<figure class="image">${img}${caption}</figure>`;
}
