/**
 * Three-way merge of a story when someone else saved it meanwhile: `base` is what this person
 * loaded, `mine` what they have now, `theirs` what is stored. A field only one side changed takes
 * that side; a field both changed takes mine, except the body, where their new blocks are kept
 * after mine, so nothing either person wrote is lost (the stored revision stays in history too).
 */
export interface MergeResult<T> {
  merged: T;
  /** Fields both people changed differently. */
  conflicts: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeStory<T extends Record<string, unknown>>(base: T, mine: T, theirs: T): MergeResult<T> {
  const merged: Record<string, unknown> = { ...theirs };
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[key];
    const m = mine[key];
    const t = theirs[key];
    if (same(m, b)) merged[key] = t;
    else if (same(t, b) || same(m, t)) merged[key] = m;
    else {
      conflicts.push(key);
      merged[key] =
        key === "blocks" && Array.isArray(m) && Array.isArray(t) && Array.isArray(b) ? mergeBlocks(b, m, t) : m;
    }
  }
  return { merged: merged as T, conflicts };
}

function mergeBlocks(base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const known = new Set([...base, ...mine].map((b) => JSON.stringify(b)));
  return [...mine, ...theirs.filter((b) => !known.has(JSON.stringify(b)))];
}
