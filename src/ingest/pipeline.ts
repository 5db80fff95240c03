import { setImmediate } from "node:timers/promises";
import { rejectNulStripInvalid, sanitizeOrReject } from "../editorial/sanitize-input.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { enqueueArticleJobs, enrichesInBackground } from "../jobs/enqueue.ts";
import { type Article, parseArticle, ValidationError } from "../model/article.ts";
import { findByContentHash } from "../store/articles.ts";
import type { Store } from "../store/store.ts";
import { StoreFullError } from "../store/store.ts";
import { isStoreFull } from "../store/unavailable.ts";
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
  /** --own: the pages are the newsroom's own; their source is kept but not credited, canonical stays here. */
  own?: boolean;
  /** The newsroom's own domains (--own-domains or NEWSDESK_OWN_DOMAINS): a page from one is treated as --own. */
  ownDomains?: string[];
  /** Articles per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** False: store as parsed; workers enrich later (src/jobs/enqueue.ts). Default true. */
  enrich?: boolean;
  /** False: skip the follow-up work after each batch (related stories, or queueing jobs). Default true. */
  followUp?: boolean;
  /** --date: first published for stories whose source gives no date (ISO 8601); else the import time. */
  date?: string;
  /** The import time undated stories take (default: now). */
  now?: Date;
  /** The site config's section mapping: an imported section name to the newsroom's own. */
  mapSection?: (name: string) => string;
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
  duplicates: { file: string; of: string; article?: string; earlierRun?: boolean }[];
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

/** `example.org` in the list covers www.example.org and news.example.org. */
export function isOwn(url: string, options: Pick<PipelineOptions, "own" | "ownDomains">): boolean {
  if (options.own) return true;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (options.ownDomains ?? []).some((d) => {
    const domain = d
      .trim()
      .toLowerCase()
      .replace(/^\.+|\.+$/g, "");
    return domain !== "" && (host === domain || host.endsWith(`.${domain}`));
  });
}

function markOwn<T extends { source?: { own?: boolean } }>(input: T): T {
  return { ...input, source: { ...input.source, own: true } };
}

/** The configured own domains: NEWSDESK_OWN_DOMAINS, comma-separated. */
export function ownDomainsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.NEWSDESK_OWN_DOMAINS ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
}

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
  const undated: string[] = [];
  const articles = inputs.map((raw, i) => {
    const where = inputs.length > 1 ? `article ${i + 1}` : "article";
    // A restore file is stored as written, so its markup and URLs are sanitized here like the API's.
    const safe = restore ? (sanitizeOrReject(raw, { text: false }) as typeof raw) : rejectNulStripInvalid(raw, where);
    const withOrigin =
      safe.origin || restore ? safe : { ...safe, origin: { format: importer.format, path: file, contentHash: hash } };
    const owned = withOrigin.source && isOwn(withOrigin.source.url, options) ? markOwn(withOrigin) : withOrigin;
    const read = parseArticle(owned, where);
    const mapped = restore || !options.mapSection ? read : { ...read, section: options.mapSection(read.section) };
    const parsed = restore ? read : datedOnImport(mapped, options, undated);
    // Validated again after enrichment so a bad result fails this file here, not the whole batch later.
    return restore || options.enrich === false ? parsed : parseArticle(enrichArticle(parsed), where);
  });
  if (undated.length > 0) {
    const when = options.date ? `the given date ${options.date}` : `the import time ${undated[0]}`;
    const which = inputs.length > 1 ? `${undated.length} of ${inputs.length} stories have` : "the story has";
    source.notes?.push(`${which} no date in the source; first published set to ${when}`);
  }
  const notes = [...(encoding === "utf-8" ? [] : [`not valid UTF-8; read as ${encoding}`]), ...(source.notes ?? [])];
  const note = notes.length ? notes.join("; ") : undefined;
  return { file, hash, format: importer.format, articles, note };
}

/**
 * A published story must have a date to be in the feeds, the archives and date-bound threads: one
 * whose source gives none takes --date, else the import time, marked as such (`dateSource`).
 */
function datedOnImport(article: Article, options: PipelineOptions, undated: string[]): Article {
  if (article.firstPublished || article.status !== "published") return article;
  const at = options.date ?? (options.now ?? new Date()).toISOString();
  undated.push(at);
  return { ...article, firstPublished: at, dateSource: options.date ? "given" : "import" };
}

/** Read and prepare one input; nothing is stored. */
export async function prepareFile(input: InputFile, options: PipelineOptions = {}): Promise<PreparedFile> {
  return prepareBytes(input, await readInput(input), options);
}

/**
 * Stores prepared files in one transaction. An article already in the store keeps its editorial
 * state (status, first publication, corrections, address): an import updates the copy, never the
 * editors' decisions, so a deleted story stays deleted. Each such update is audited.
 */
async function storePrepared(store: Store, files: PreparedFile[]): Promise<void> {
  const at = new Date();
  await store.transaction(async (tx) => {
    const items = files.flatMap((f) =>
      f.articles.map((article) => ({
        article,
        file: f.file,
        options: { author: "import", message: "import", keepEditorialState: true },
      })),
    );
    // prepareBytes validated every article as its last step, so the store need not do it again.
    const results = await tx.articles.saveValidated(items);
    for (const [i, r] of results.entries()) {
      if (r.created || !r.changed) continue;
      await tx.audit.record({
        at,
        actor: "import",
        role: "cli",
        action: "import",
        target: r.id,
        revision: r.revision,
        detail: items[i].file,
      });
    }
  });
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
    try {
      await storePrepared(store, batch);
      for (const f of batch) stored.push(...f.articles.map((a) => a.id));
    } catch {
      // Something in the batch failed at the database: store file by file so only that file is lost.
      for (const f of batch) {
        try {
          await storePrepared(store, [f]);
          stored.push(...f.articles.map((a) => a.id));
        } catch (error) {
          // A full disk fails every later file too: stop, saying what is stored and what is not.
          if (isStoreFull(error)) {
            throw new StoreFullError(
              `the disk holding ${store.location} is full: the import stopped at ${f.file}; ${result.imported + stored.length} articles of earlier files are stored whole, nothing of ${f.file} or later files. Free space and run the import again (files already imported are skipped)`,
            );
          }
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
      const inRun = seen.get(hash);
      const stored = inRun ? null : await findByContentHash(store, hash);
      if (inRun) {
        result.duplicates.push({ file, of: inRun });
      } else if (stored) {
        result.duplicates.push({ file, of: stored.path ?? "(no file name)", article: stored.id, earlierRun: true });
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
