import { createHash } from "node:crypto";
import { words } from "../related/text-features.ts";

/**
 * MinHash signatures over word shingles, and LSH bands over them: two articles whose shingle
 * sets overlap by Jaccard J share at least one band with probability 1-(1-J^ROWS)^BANDS,
 * so near-duplicates are found by bucket look-ups instead of comparing every pair.
 */
export const SHINGLE_WORDS = 4;
export const BANDS = 32;
export const ROWS = 2;
export const SIGNATURE_SIZE = BANDS * ROWS;
/** At and above this estimated Jaccard similarity of body shingles two articles are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.6;
/**
 * A copy with a paragraph cut is mostly contained in the original even when their Jaccard
 * similarity is lower: at and above this containment (and MIN_CONTAINED_JACCARD) it is a near-duplicate too.
 */
export const NEAR_DUPLICATE_CONTAINMENT = 0.85;
export const MIN_CONTAINED_JACCARD = 0.35;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// One fixed seed per signature position, so signatures stay comparable across runs and machines.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  createHash("sha256").update(`minhash-${i}`).digest().readUInt32BE(0),
);

/** A seeded 32-bit mix (multiply and xor-shift): one independent-looking hash function per seed. */
function mix(x: number, seed: number): number {
  let h = Math.imul(x ^ seed, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Hashes of the overlapping word n-grams of a text. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length < SHINGLE_WORDS) {
    if (w.length > 0) out.add(fnv1a(w.join(" ")));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE_WORDS).join(" ")));
  return out;
}

export function minhash(shingleSet: Set<number>): number[] {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(s, SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return Array.from(sig);
}

/** Share of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Share of the smaller shingle set found in the larger, from the Jaccard estimate and the set sizes. */
export function estimatedContainment(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}

/** The near-duplicate rule: similar enough overall, or one is the other with some text cut. */
export function isNearDuplicate(jaccard: number, sizeA: number, sizeB: number): boolean {
  if (jaccard >= NEAR_DUPLICATE_JACCARD) return true;
  return jaccard >= MIN_CONTAINED_JACCARD && estimatedContainment(jaccard, sizeA, sizeB) >= NEAR_DUPLICATE_CONTAINMENT;
}

/** One bucket key per band: `band:hash-of-its-rows`. */
export function lshBuckets(sig: number[]): string[] {
  const out: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = sig.slice(band * ROWS, band * ROWS + ROWS).join(".");
    out.push(`${band}:${fnv1a(rows).toString(36)}`);
  }
  return out;
}

/** Normalized headline and body: equal hashes mean the same story stored twice. */
export function textHash(headline: string, body: string): string {
  const norm = words(`${headline}\n${body}`).join(" ");
  return createHash("sha1").update(norm).digest("hex");
}
