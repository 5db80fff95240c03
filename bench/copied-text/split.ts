import { createHash } from "node:crypto";

/**
 * The fixed split of the copied-text corpus, decided before any importer output was looked at:
 * a page is "sealed" when the first byte of SHA-256("newsdesk-copied-text-v1:" + page id) is < 102
 * (about 40 %), else "tune". The seed string never changes; re-rolling it would leak the sealed part.
 */
export type Part = "tune" | "sealed";

const SEED = "newsdesk-copied-text-v1:";
const SEALED_BELOW = 102; // 102/256 ≈ 0.40

export function partOf(pageId: string): Part {
  const first = createHash("sha256")
    .update(SEED + pageId)
    .digest()[0];
  return first < SEALED_BELOW ? "sealed" : "tune";
}
