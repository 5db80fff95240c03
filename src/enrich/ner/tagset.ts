/** IOB2 tags the tagger predicts. Index order is the weight layout; do not reorder without retraining. */
export const TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"] as const;
export type Tag = (typeof TAGS)[number];
export const TAG_COUNT = TAGS.length;

/** Whether tag index `next` may follow tag index `prev` in IOB2 (I-X only continues X). */
export function allowedAfter(prev: number, next: number): boolean {
  const tag = TAGS[next];
  if (tag[0] !== "I") return true;
  const before = TAGS[prev];
  return before !== "O" && before.slice(2) === tag.slice(2);
}
