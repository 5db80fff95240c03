import { createHash } from "node:crypto";
import { words } from "../related/text-features.ts";

/**
 * MinHash signatures over word shingles, and LSH bands over them: two articles whose shingle
 * sets overlap by Jaccard J share at least one band with probability 1-(1-J^ROWS)^BANDS,
 * so near-duplicates are found by bucket look-ups instead of comparing every pair.
 */
export const SHINGLE_WORDS = 4;
export const BANDS = 20;
export const ROWS = 3;
export const SIGNATURE_SIZE = BANDS * ROWS;
/** At and above this estimated Jaccard similarity of body shingles two articles are near-duplicates. */
export const NEAR_DUPLICATE_JACCARD = 0.6;

const PRIME = 4294967291; // largest prime below 2^32

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed hash-function coefficients, derived from a seed so signatures stay comparable across runs.
const COEFFS: [number, number][] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => {
  const d = createHash("sha256").update(`minhash-${i}`).digest();
  return [(d.readUInt32BE(0) % (PRIME - 1)) + 1, d.readUInt32BE(4) % PRIME];
});

function mulMod(a: number, b: number): number {
  // (a*b) mod PRIME without losing precision: split b into 16-bit halves.
  const hi = Math.floor(b / 65536);
  const lo = b % 65536;
  return (((a * hi) % PRIME) * 65536 + a * lo) % PRIME;
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

export function minhash(text: string): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(PRIME);
  for (const s of shingles(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const [a, b] = COEFFS[i];
      const h = (mulMod(a, s) + b) % PRIME;
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal signature positions: an unbiased estimate of the Jaccard similarity. */
export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
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
