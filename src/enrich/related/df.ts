import type { Repositories } from "../../store/store.ts";

/**
 * Delta rows allowed to pile up before they are folded into the base counts: enough that folding
 * is rare, few enough that summing a term's deltas on read stays a short index range.
 */
export const DF_DELTA_MERGE_ROWS = 20_000;

/**
 * Records a change in the document frequency of each term (negative to undo an old version).
 * Insert-only, with no key: concurrent indexing transactions never wait on each other here.
 */
export function addDfDeltas(tx: Repositories, counts: Map<string, number>): Promise<void> {
  return tx.related.addDfDeltas(counts);
}

/** Current document frequencies: base counts plus every delta this transaction can see, in one statement. */
export function documentFrequencies(tx: Repositories, terms: Iterable<string>): Promise<Map<string, number>> {
  return tx.related.documentFrequencies(terms);
}

/**
 * Folds the deltas into `related_term_df` when enough have piled up, in its own short transaction
 * (run it after the indexing transaction commits). Readers see either the deltas or the folded
 * counts, never both: each engine moves them in one atomic step. Returns the rows folded.
 */
export function mergeDfDeltas(store: Repositories, minRows = DF_DELTA_MERGE_ROWS): Promise<number> {
  return store.related.mergeDfDeltas(minRows);
}
