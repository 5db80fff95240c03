/**
 * A structural diff of two article documents: one change per field that differs, by path.
 * Arrays (blocks, tags, corrections) are aligned by longest common subsequence, so inserting one
 * paragraph reads as one addition rather than every later paragraph changing.
 */
export interface Change {
  path: string;
  op: "added" | "removed" | "changed";
  from?: unknown;
  to?: unknown;
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function same(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** Pairs of indexes (i in a, j in b) of equal elements, in order. */
function commonSubsequence(a: string[], b: string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}

function diffArrays(a: Json[], b: Json[], path: string, out: Change[]): void {
  const keysA = a.map((v) => JSON.stringify(v));
  const keysB = b.map((v) => JSON.stringify(v));
  const pairs = [...commonSubsequence(keysA, keysB), [a.length, b.length] as [number, number]];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    // Between anchors: pair up removed and added elements as in-place changes, the rest as adds/removes.
    const removed = pi - i;
    const added = pj - j;
    const paired = Math.min(removed, added);
    for (let k = 0; k < paired; k++) diffValues(a[i + k], b[j + k], join(path, j + k), out);
    for (let k = paired; k < removed; k++) out.push({ path: join(path, i + k), op: "removed", from: a[i + k] });
    for (let k = paired; k < added; k++) out.push({ path: join(path, j + k), op: "added", to: b[j + k] });
    i = pi + 1;
    j = pj + 1;
  }
}

function diffValues(a: Json, b: Json, path: string, out: Change[]): void {
  if (same(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    diffArrays(a, b, path, out);
    return;
  }
  if (isObject(a) && isObject(b) && a.type === b.type) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in b)) out.push({ path: join(path, key), op: "removed", from: a[key] });
      else if (!(key in a)) out.push({ path: join(path, key), op: "added", to: b[key] });
      else diffValues(a[key], b[key], join(path, key), out);
    }
    return;
  }
  out.push({ path: path || "(root)", op: "changed", from: a, to: b });
}

export function diffDocuments(from: unknown, to: unknown): Change[] {
  const out: Change[] = [];
  diffValues(from, to, "", out);
  return out;
}
