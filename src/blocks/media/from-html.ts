import { safeText, safeUrl } from "../../ingest/sanitize.ts";
import { captionAndCredit } from "../dom.ts";
import { mediaType } from "./mime.ts";
import { MEDIA_FALLBACK_TEXT, type MediaBlock } from "./schema.ts";

/**
 * A <video> or <audio> player with its sources, poster, duration and the fallback text inside it.
 * A player with nothing to play or show (every source unsafe or missing, no poster, no fallback
 * text of its own) is left out.
 */
export function mediaFromHtml(el: Element, base: string | undefined, figure: Element | null): MediaBlock | undefined {
  const kind = el.tagName.toLowerCase() === "audio" ? "audio" : "video";
  const sources: MediaBlock["sources"] = [];
  for (const c of [el, ...el.querySelectorAll("source")]) {
    const src = safeUrl(c.getAttribute("src") ?? c.getAttribute("data-src"), base);
    const mimeType = src ? mediaType(src, c.getAttribute("type")) : undefined;
    if (src && mimeType) sources.push({ src, mimeType });
  }
  const ownFallback = safeText(el.querySelector("p")?.textContent);
  const block: MediaBlock = {
    type: "media",
    kind,
    caption:
      captionAndCredit(figure?.querySelector("figcaption") ?? null).caption ??
      safeText(el.getAttribute("title") ?? el.getAttribute("aria-label")),
    sources,
    fallbackText: ownFallback || MEDIA_FALLBACK_TEXT,
  };
  const poster = safeUrl(el.getAttribute("poster"), base);
  if (poster) block.poster = poster;
  const rawDuration = el.getAttribute("data-duration") ?? el.getAttribute("duration");
  const duration = Number(rawDuration);
  if (rawDuration?.trim() && Number.isFinite(duration) && duration >= 0) block.durationSeconds = duration;
  return block.sources.length || block.poster || ownFallback ? block : undefined;
}
