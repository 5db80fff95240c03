import { createHash } from "node:crypto";

/**
 * The site's only script, an optional enhancement: where the device cannot decode any source of a
 * player, or a source fails to load, show the fallback text instead of a dead player.
 * Pages read fully without it.
 */
export const MEDIA_CHECK_SCRIPT =
  'for(const f of document.querySelectorAll("figure.media")){const p=f.querySelector("video,audio"),m=f.querySelector(".media-unsupported");if(!p||!m)continue;const off=()=>{p.remove();m.hidden=false};const s=[...p.querySelectorAll("source")];if(!s.some(x=>p.canPlayType(x.type)))off();else s[s.length-1].addEventListener("error",off)}';

const scriptHash = createHash("sha256").update(MEDIA_CHECK_SCRIPT).digest("base64");

/** Only our own CSS and the one hashed script; media and embeds may come from other HTTPS hosts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'sha256-${scriptHash}'`,
  "style-src 'self'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "frame-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

export const HTML_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};
