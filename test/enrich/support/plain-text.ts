import { readFileSync } from "node:fs";
import { textImporter } from "../../../src/ingest/text/text-importer.ts";
import { type Article, type ArticleInput, parseArticle } from "../../../src/model/article.ts";

/** An article from a text file through the project's text importer, as `import` and `extract` read it. */
export function articleFromFile(path: string, options: { section?: string; firstPublished?: string } = {}): Article {
  const parsed = textImporter.parse({ name: path, bytes: readFileSync(path), defaultSection: options.section });
  const input = (parsed as ArticleInput[])[0];
  return parseArticle({ ...input, firstPublished: options.firstPublished ?? input.firstPublished ?? null });
}
