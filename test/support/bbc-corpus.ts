import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BBC_CORPUS = join(fileURLToPath(new URL("../..", import.meta.url)), "../shared/data/bbc-news-2005");
export const BBC_CATEGORIES = ["business", "entertainment", "politics", "sport", "tech"];

/** The corpus's own record of byte-identical pairs: first file → duplicate file, relative to the corpus. */
export function bbcKnownDuplicates(): [string, string][] {
  return readFileSync(join(BBC_CORPUS, "DUPLICATES.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]);
}

/** Files per category as the corpus README states them, and in total. */
export function bbcFileCounts(): { byCategory: Record<string, number>; total: number } {
  const readme = readFileSync(join(BBC_CORPUS, "README.md"), "utf8");
  const byCategory = Object.fromEntries(
    BBC_CATEGORIES.map((c) => [c, Number(new RegExp(`\\| ${c}/ \\| (\\d+) \\|`).exec(readme)?.[1])]),
  );
  const total = BBC_CATEGORIES.reduce((n, c) => n + readdirSync(join(BBC_CORPUS, c)).length, 0);
  return { byCategory, total };
}
