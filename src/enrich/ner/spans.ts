/** Entity types the recognizer predicts; MISC is learned but not reported as an entity. */
export type EntityType = "PER" | "ORG" | "LOC" | "MISC";

/** A token span [start, end) with one entity type. */
export interface Span {
  start: number;
  end: number;
  type: string;
}

/**
 * Reads spans from IOB tags the way conlleval does: an entity starts at B-X, at I-X after a
 * different type or after O; so IOB1 and IOB2 (and ill-formed sequences) read the same way.
 */
export function spansFromTags(tags: readonly string[]): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const type = tag === "O" || tag.length < 3 ? null : tag.slice(2);
    const begins = type !== null && (tag[0] === "B" || open === null || open.type !== type);
    if (open && (type === null || begins)) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (type !== null && begins) open = { start: i, end: i + 1, type };
  }
  if (open) {
    open.end = tags.length;
    spans.push(open);
  }
  return spans;
}

/** IOB2 tags (every entity starts with B-) for spans over `length` tokens. */
export function tagsFromSpans(spans: readonly Span[], length: number): string[] {
  const tags = new Array<string>(length).fill("O");
  for (const s of spans) {
    tags[s.start] = `B-${s.type}`;
    for (let i = s.start + 1; i < s.end; i++) tags[i] = `I-${s.type}`;
  }
  return tags;
}
