import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface JudgedPair {
  a: string;
  b: string;
  related: boolean;
  sampled: string;
  /** "tune" pairs fit weights and cut-offs; "sealed" pairs are only ever scored. */
  part: "tune" | "sealed";
  source: "judged-pairs.json" | "judged-pairs-2.json";
}

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/related");

/**
 * Every judged pair. The first 115 were used to choose weights before the second sample existed,
 * so they are all tune; the second sample was split by a fixed seed before any score was seen.
 */
export function judgedPairs(): JudgedPair[] {
  const first = (
    JSON.parse(readFileSync(join(dir, "judged-pairs.json"), "utf8")) as { pairs: Omit<JudgedPair, "part" | "source">[] }
  ).pairs.map((p) => ({ ...p, part: "tune" as const, source: "judged-pairs.json" as const }));
  const second = (
    JSON.parse(readFileSync(join(dir, "judged-pairs-2.json"), "utf8")) as { pairs: Omit<JudgedPair, "source">[] }
  ).pairs.map((p) => ({ ...p, source: "judged-pairs-2.json" as const }));
  return [...first, ...second];
}
