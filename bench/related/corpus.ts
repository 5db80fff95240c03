import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import type { ArticleInput } from "../../src/model/article.ts";
import { slugify } from "../../src/model/article.ts";
import { saveArticles } from "../../src/store/articles.ts";
import type { Store } from "../../src/store/store.ts";

/** The BBC 2005 corpus, used by path and never copied into the repository. */
export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../../shared/data/bbc-news-2005");

/** Stable article id for a corpus path such as `business/007.txt`. */
export function corpusId(path: string): string {
  return `bbc-${path.replace(/\.txt$/, "").replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** One corpus file as an article: headline on line 1, paragraphs after it, section = folder. */
export function corpusArticle(path: string, text: string): ArticleInput {
  const [headline, ...rest] = text.replace(/\r\n/g, "\n").split("\n");
  const paragraphs = rest
    .join("\n")
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const section = path.split("/")[0];
  const id = corpusId(path);
  return {
    id,
    slug: `${slugify(headline, 60)}-${id.slice(4).toLowerCase()}`.replace(/-+/g, "-"),
    section,
    headline: headline.trim() || path,
    blocks: paragraphs.map((text) => ({ type: "paragraph" as const, text })),
    origin: { format: "text", path },
  };
}

/** Every corpus path, `folder/NNN.txt`, sorted. */
export function corpusPaths(dir = CORPUS_DIR): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const f of readdirSync(join(dir, folder.name)).sort()) if (f.endsWith(".txt")) out.push(`${folder.name}/${f}`);
  }
  return out.sort();
}

/** Reads a corpus file as UTF-8, falling back to Latin-1 for the few files that are not valid UTF-8. */
export function readCorpusText(path: string, dir = CORPUS_DIR): string {
  const bytes = readFileSync(join(dir, path));
  const utf8 = bytes.toString("utf8");
  return utf8.includes("\uFFFD") ? bytes.toString("latin1") : utf8;
}

export function readCorpusArticle(path: string, dir = CORPUS_DIR): ArticleInput {
  return corpusArticle(path, readCorpusText(path, dir));
}

/** The 98 byte-identical pairs listed in DUPLICATES.txt. */
export function knownDuplicatePairs(dir = CORPUS_DIR): [string, string][] {
  return readFileSync(join(dir, "DUPLICATES.txt"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]);
}

/** Stores the whole corpus in batches of 100 and runs the after-store work on each, as an import would. */
export async function storeCorpus(store: Store, paths = corpusPaths()): Promise<void> {
  for (let i = 0; i < paths.length; i += 100) {
    const part = paths.slice(i, i + 100);
    await saveArticles(
      store,
      part.map((p) => ({ article: readCorpusArticle(p) })),
    );
    await afterArticlesStored(store, part.map(corpusId));
  }
}
