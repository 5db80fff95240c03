import { feedImporter } from "./feed/feed-importer.ts";
import { jsonFeedImporter } from "./feed/json-feed.ts";
import { htmlImporter } from "./html/html-importer.ts";
import type { Importer, Source } from "./importer.ts";
import { jsonlImporter } from "./jsonl/jsonl-importer.ts";
import { ninjsImporter } from "./ninjs/ninjs-importer.ts";
import { textImporter } from "./text/text-importer.ts";

/**
 * Every importer Newsdesk knows, in detection order: the most specific formats first and plain
 * text last, since almost anything could be read as text. Add a format by adding it here.
 */
export const importers: Importer[] = [
  jsonlImporter,
  jsonFeedImporter,
  ninjsImporter,
  feedImporter,
  htmlImporter,
  textImporter,
];

export function detectImporter(source: Source): Importer | undefined {
  return importers.find((i) => i.detect(source));
}
