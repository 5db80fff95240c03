import { type Article, parseArticle } from "../../model/article.ts";
import { decodeText } from "../encoding.ts";
import { ImportError, type Importer, type Source } from "../importer.ts";

// Keys only a Newsdesk article has together; ninjs objects have `uri` and no `blocks`.
const MODEL_KEYS = ["id", "slug", "section", "headline", "blocks"];

function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return "";
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? undefined : end).trim();
}

/** One stored article per line, as `export --format jsonl` writes it. */
export function toJsonLine(article: Article): string {
  return JSON.stringify(article);
}

/**
 * JSON Lines of the Newsdesk model: a backup or a move between stores. Every line is validated against
 * the model and restored as it was: same id, slug, origin and enrichment.
 */
export const jsonlImporter: Importer = {
  format: "jsonl",
  detect(source: Source): boolean {
    let line: string;
    try {
      line = firstLine(decodeText(source.bytes).text);
    } catch {
      return false;
    }
    if (!line.startsWith("{")) return false;
    // What `export --format jsonl` writes starts like this; claim it even when a line is damaged, so the
    // error names the line instead of the file being refused as an unknown format.
    if (/^\{"id":"[^"]*","slug":"/.test(line)) return true;
    try {
      const first = JSON.parse(line) as Record<string, unknown>;
      return MODEL_KEYS.every((k) => k in first) && !("uri" in first);
    } catch {
      return false;
    }
  },
  parse(source: Source) {
    const lines = decodeText(source.bytes).text.split("\n");
    const articles: Article[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new ImportError(`line ${i + 1}: invalid JSON (${(error as Error).message})`);
      }
      const article = parseArticle(value, `line ${i + 1}`);
      if (ids.has(article.id)) throw new ImportError(`line ${i + 1}: id ${article.id} appears twice`);
      ids.add(article.id);
      articles.push(article);
    }
    return articles;
  },
};
