/**
 * The text an annotator reads for one gold-2026 article, and that a scorer must enrich: the BBC
 * file as it is, the ground-truth articleBody of the Zyte benchmark, or the text of
 * Readability's expected.html (one paragraph per block element). Kept here so annotators and
 * scorers read the same characters.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseHTML } from "linkedom";

/** Relative to the repository root, as everywhere else in Newsdesk. */
export const SHARED = resolve("../shared/data");
export const BBC_DIR = join(SHARED, "bbc-news-2005");
export const AEB_DIR = join(SHARED, "article-extraction-benchmark");
export const READABILITY_DIR = join(SHARED, "readability-news-pages");

/** Where a non-BBC text comes from: folder under ../shared/data, file in it, and field. */
export interface TextSource {
  corpus: string;
  file: string;
  field: string;
}

export function aebSource(id: string): TextSource {
  return {
    corpus: "../shared/data/article-extraction-benchmark",
    file: "ground-truth.json",
    field: `${id}.articleBody`,
  };
}

export function readabilitySource(page: string): TextSource {
  return {
    corpus: "../shared/data/readability-news-pages",
    file: `${page}/expected.html`,
    field: "text of block elements (p, h1-h6, li, blockquote, pre, figcaption, td), one per paragraph",
  };
}

let groundTruth: Record<string, { articleBody: string; url: string }> | undefined;

export function aebText(id: string): string {
  groundTruth ??= JSON.parse(readFileSync(join(AEB_DIR, "ground-truth.json"), "utf8"));
  const entry = groundTruth?.[id];
  if (!entry) throw new Error(`ground-truth.json: no entry for id ${id}`);
  return entry.articleBody;
}

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td";

/** Leaf block elements only, so text nested in a list inside a blockquote is not read twice. */
export function readabilityText(page: string): string {
  const html = readFileSync(join(READABILITY_DIR, page, "expected.html"), "utf8");
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  for (const element of document.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue;
    const text = (element.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text) paragraphs.push(text);
  }
  return paragraphs.join("\n\n");
}

export function bbcText(path: string): string {
  return readFileSync(join(BBC_DIR, path), "utf8");
}

export interface GoldEntryRef {
  path: string;
  source?: TextSource;
}

/** The annotated text of a gold-2026 entry (path "bbc:…" is not used: BBC paths are bare). */
export function goldText(entry: GoldEntryRef): string {
  if (entry.path.startsWith("aeb:")) return aebText(entry.path.slice(4));
  if (entry.path.startsWith("readability:")) return readabilityText(entry.path.slice("readability:".length));
  return bbcText(entry.path);
}
