import { chunks } from "../../store/chunked.ts";
import type { DuplicatePair, DuplicateRow } from "../../store/duplicates.ts";
import type { Repositories } from "../../store/store.ts";
import { estimatedJaccard, isNearDuplicate } from "./minhash.ts";

export type { DuplicatePair };

function parseSig(text: string): number[] {
  return text.split(",").map(Number);
}

/**
 * Finds exact duplicates (same normalized text) and near-duplicates (MinHash of body shingles
 * at or above NEAR_DUPLICATE_JACCARD, candidates from shared LSH buckets) of the given indexed
 * articles and records each pair in both directions. Re-running for the same ids gives the same rows.
 */
export async function detectDuplicates(tx: Repositories, ids: string[]): Promise<number> {
  let found = 0;
  // Part by part: a part's pairs with articles of a later part are deleted and found again there.
  for (const part of chunks(ids, 200)) {
    await tx.duplicates.remove(part);
    const own = await tx.duplicates.fingerprints(part);
    const candidates = await tx.duplicates.candidates(part);
    const otherIds = [...new Set([...candidates.values()].flatMap((s) => [...s]))];
    const others = new Map<string, { hash: string; sig: number[]; size: number }>();
    for (const r of await tx.duplicates.fingerprints(otherIds))
      others.set(r.articleId, { hash: r.textHash, sig: parseSig(r.minhash), size: r.shingleCount });
    const pairs = new Map<string, DuplicateRow>();
    for (const a of own) {
      const sig = parseSig(a.minhash);
      for (const otherId of candidates.get(a.articleId) ?? []) {
        const o = others.get(otherId);
        if (!o) continue;
        const exact = o.hash === a.textHash;
        const similarity = exact ? 1 : estimatedJaccard(sig, o.sig);
        if (!exact && !isNearDuplicate(similarity, a.shingleCount, o.size)) continue;
        const kind = exact ? "exact" : "near";
        pairs.set(`${a.articleId}\t${otherId}`, { article_id: a.articleId, duplicate_id: otherId, kind, similarity });
        pairs.set(`${otherId}\t${a.articleId}`, { article_id: otherId, duplicate_id: a.articleId, kind, similarity });
      }
    }
    found += pairs.size / 2;
    await tx.duplicates.insert([...pairs.values()]);
  }
  return found;
}

/** Ids recorded as duplicates of each given article. */
export function duplicatesOf(tx: Repositories, ids: string[]): Promise<Map<string, Set<string>>> {
  return tx.duplicates.of(ids);
}

/** Every recorded pair once (first id sorts before second), exact ones first. */
export function listDuplicates(
  store: Repositories,
  options: { kind?: "exact" | "near" } = {},
): Promise<DuplicatePair[]> {
  return store.duplicates.list(options);
}
