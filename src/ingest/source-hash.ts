import { createHash } from "node:crypto";

// The pipeline and the importers both need the hash of the same bytes; hash each buffer once.
const hashes = new WeakMap<Buffer, string>();

/** SHA-256 (hex) of a source's bytes: the key for duplicate detection and for stable article ids. */
export function contentHash(bytes: Buffer): string {
  let hash = hashes.get(bytes);
  if (!hash) {
    hash = createHash("sha256").update(bytes).digest("hex");
    hashes.set(bytes, hash);
  }
  return hash;
}
