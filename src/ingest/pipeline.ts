import { setImmediate } from "node:timers/promises";
import { sanitizeOrReject } from "../editorial/sanitize-input.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { enqueueArticleJobs, enrichesInBackground } from "../jobs/enqueue.ts";
import { type Article, parseArticle, ValidationError } from "../model/article.ts";
import { findByContentHash, saveValidatedArticles } from "../store/articles.ts";
import type { Store } from "../store/store.ts";
import { decodeText } from "./encoding.ts";
import { detectImporter } from "./formats.ts";
import { ImportError, type Source } from "./importer.ts";
import { displayName, type InputFile, listInputs, readInput } from "./read-input.ts";
import { contentHash } from "./source-hash.ts";

export interface PipelineOptions {
  /** --section: the section for texts that name none (wins over the folder name). */
  defaultSection?: string;
  /** --base-url: resolves relative links in HTML. */
  baseUrl?: string;
  /** Articles per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** False: store as parsed; workers enrich later (src/jobs/enqueue.ts). Default true. */
  enrich?: boolean;
  /** False: skip the follow-up work after each batch (related stories, or queueing jobs). Default true. */
  followUp?: boolean;
  /** `--images copy`: replaces each article's remote images by copies (src/media/copy-images.ts). */
  copyImages?: (article: Article) => Promise<{ article: Article; notes: string[] }>;
}

export interface FileReport {
  file: string;
  reason: string;
}

export interface ImportResult {
  /** Articles stored (a feed or JSON Lines file holds many). */
  imported: number;
  /** Ids of the stored articles, in import order. */
  ids: string[];
  /** Byte-identical to a file imported earlier in this run or already in the store. */
  duplicates: { file: string; of: string }[];
  failed: FileReport[];
  /** Things the user should know that did not stop the import (e.g. a windows-1252 fallback). */
  notes: FileReport[];
}

/** One input read, decoded, parsed, enriched and validated: ready to store or print. */
export interface PreparedFile {
  file: string;
  hash: string;
  format: string;
  articles: Article[];
  note?: string;
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportError || error instanceof ValidationError) return error.message;
  // An importer bug still gets a one-line report; the rest of the run carries on.
  return `internal error: ${(error as Error)?.message ?? String(error)}`.split("\n")[0];
}

// A JSON Lines backup holds articles exactly as stored, enrichment included: restore them untouched.
const RESTORE_FORMATS = new Set(["jsonl"]);

/** Decode, detect, parse, enrich and validate bytes already read. Throws ImportError or ValidationError. */
export async function prepareBytes(
  input: InputFile,
  bytes: Buffer,
  options: PipelineOptions = {},
): Promise<PreparedFile> {
  const file = displayName(input.name);
  const hash = contentHash(bytes);
  const { encoding } = decodeText(bytes);
  const source: Source = {
    name: input.name,
    bytes,
    baseUrl: options.baseUrl,
    defaultSection: options.defaultSection ?? input.folderSection,
    notes: [],
  };
  const importer = detectImporter(source);
  if (!importer) throw new ImportError("not a format Newsdesk can import (text, HTML, feeds, ninjs or JSON Lines)");
  const inputs = await importer.parse(source);
  if (inputs.length === 0) throw new ImportError(`no articles found in this ${importer.format} file`);
  const restore = RESTORE_FORMATS.has(importer.format);
  const articles = inputs.map((raw, i) => {
    const where = inputs.length > 1 ? `article ${i + 1}` : "article";
    // A restore file is stored as written, so its markup and URLs are sanitized here like the API's.
    const safe = restore ? (sanitizeOrReject(raw, { text: false }) as typeof raw) : raw;
    const withOrigin =
      safe.origin || restore ? safe : { ...safe, origin: { format: importer.format, path: file, contentHash: hash } };
    const parsed = parseArticle(withOrigin, where);
    // Validated again after enrichment so a bad result fails this file here, not the whole batch later.
    return restore || options.enrich === false ? parsed : parseArticle(enrichArticle(parsed), where);
  });
  const notes = [...(encoding === "utf-8" ? [] : [`not valid UTF-8; read as ${encoding}`]), ...(source.notes ?? [])];
  const note = notes.length ? notes.join("; ") : undefined;
  return { file, hash, format: importer.format, articles, note };
}

/** Read and prepare one input; nothing is stored. */
export async function prepareFile(input: InputFile, options: PipelineOptions = {}): Promise<PreparedFile> {
  return prepareBytes(input, await readInput(input), options);
}

/**
 * Imports FILE | DIR | - arguments into the store: each file is read, de-duplicated by the SHA-256 of
 * its bytes (within the run and against the store), parsed by the importer that recognises it, enriched,
 * validated, and stored with others in one transaction per batch. A file that fails is reported and
 * leaves nothing behind; it never takes good files down with it.
 */
export async function importInputs(store: Store, args: string[], options: PipelineOptions = {}): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 1000;
  // On PostgreSQL the import returns once stored; `newsdesk worker` processes enrich and related jobs.
  const background = enrichesInBackground(store);
  if (background) options = { ...options, enrich: false };
  const result: ImportResult = { imported: 0, ids: [], duplicates: [], failed: [], notes: [] };
  const { files, missing } = listInputs(args);
  result.failed.push(...missing);
  const seen = new Map<string, string>();
  let batch: PreparedFile[] = [];
  let batchArticles = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const stored: string[] = [];
    // prepareBytes validated every article as its last step, so the store need not do it again.
    try {
      await saveValidatedArticles(
        store,
        batch.flatMap((f) => f.articles.map((article) => ({ article }))),
      );
      for (const f of batch) stored.push(...f.articles.map((a) => a.id));
    } catch {
      // Something in the batch failed at the database: store file by file so only that file is lost.
      for (const f of batch) {
        try {
          await saveValidatedArticles(
            store,
            f.articles.map((article) => ({ article })),
          );
          stored.push(...f.articles.map((a) => a.id));
        } catch (error) {
          result.failed.push({ file: f.file, reason: reasonOf(error) });
          seen.delete(f.hash);
        }
      }
    }
    result.imported += stored.length;
    result.ids.push(...stored);
    batch = [];
    batchArticles = 0;
    if (stored.length > 0 && options.followUp !== false) {
      try {
        if (background) await enqueueArticleJobs(store, stored);
        else await afterArticlesStored(store, stored);
      } catch (error) {
        result.notes.push({ file: "(after import)", reason: `follow-up work failed: ${reasonOf(error)}` });
      }
    }
  };

  for (let i = 0; i < files.length; i++) {
    const input = files[i];
    const file = displayName(input.name);
    try {
      const bytes = await readInput(input);
      const hash = contentHash(bytes);
      const earlier = seen.get(hash) ?? (await findByContentHash(store, hash).then((f) => f && (f.path ?? f.id)));
      if (earlier) {
        result.duplicates.push({ file, of: earlier });
      } else {
        const prepared = await prepareBytes(input, bytes, options);
        if (options.copyImages) {
          for (let k = 0; k < prepared.articles.length; k++) {
            const copied = await options.copyImages(prepared.articles[k]);
            prepared.articles[k] = copied.article;
            for (const reason of copied.notes) result.notes.push({ file, reason });
          }
        }
        if (prepared.note) result.notes.push({ file, reason: prepared.note });
        seen.set(hash, file);
        batch.push(prepared);
        batchArticles += prepared.articles.length;
        if (batchArticles >= batchSize) await flush();
      }
    } catch (error) {
      result.failed.push({ file, reason: reasonOf(error) });
    }
    options.onProgress?.(i + 1, files.length);
    // Reading and parsing resolve without ever reaching the timer queue: let timers (the progress
    // bar's redraw, signal handlers) run now and then.
    if (i % 64 === 63) await setImmediate();
  }
  await flush();
  return result;
}
