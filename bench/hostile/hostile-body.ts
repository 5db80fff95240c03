/**
 * The largest article body a hostile writer can send: one-sentence quoted paragraphs, each by a
 * different invented person, until the JSON reaches `bytes` (the API's 1 MiB limit by default).
 * Shared by test/hostile and bench/hostile so both measure the same thing.
 */
const SYLLABLES = [
  "ka",
  "lo",
  "mir",
  "ven",
  "dra",
  "sul",
  "tek",
  "bor",
  "ani",
  "quo",
  "zel",
  "rin",
  "fa",
  "gum",
  "hes",
];

export function inventedName(i: number): string {
  const word = (n: number, len: number) => {
    let s = "";
    for (let k = 0; k < len; k++) {
      s += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length) + k + 3;
    }
    return s[0].toUpperCase() + s.slice(1);
  };
  return `${word(i * 7 + 1, 2)} ${word(i, 3)}`;
}

export function hostileBody(id: string, bytes = 900_000): Record<string, unknown> {
  const blocks: { type: "paragraph"; text: string }[] = [];
  let size = 200;
  for (let i = 0; size < bytes; i++) {
    const text = `"We will rebuild the harbour wall by spring," said ${inventedName(i)}.`;
    blocks.push({ type: "paragraph", text });
    size += text.length + 32;
  }
  return {
    id,
    section: "World",
    headline: `A very long story ${id}`,
    summary: "Many people spoke.",
    blocks,
  };
}
