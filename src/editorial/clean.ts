import { Worker } from "node:worker_threads";
import { enrichArticle } from "../enrich/enrich.ts";
import { type Article, parseArticle, ValidationError } from "../model/article.ts";
import { sanitizeOrReject } from "./sanitize-input.ts";

/**
 * Sanitizes, validates and enriches a body; ValidationError lists every bad field. The result is
 * validated again after enrichment, so it can be stored with `saveValidated` (no second parse on
 * the event loop).
 */
export function cleanArticle(input: unknown): Article {
  return parseArticle(enrichArticle(parseArticle(sanitizeOrReject(input))));
}

/**
 * Bodies with more text than this are cleaned on a worker thread. Enrichment costs about 0.5 ms
 * per KB, so a 1 MB body would hold the event loop for seconds and every reader with it; smaller
 * ones are cheaper to clean here than to copy to a thread and back.
 */
export const OFF_THREAD_CHARS = 48 * 1024;

/** The characters of every string in `value`, stopping once past `limit`. */
export function textSize(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (typeof v === "string") total += v.length;
    else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === "object") stack.push(...Object.values(v));
  }
  return total;
}

/** `clean`: cleanArticle; `enrich`: enrichArticle of an article already clean. */
export type CleanOp = "clean" | "enrich";

/** What the worker answers: the article, or the error to raise again here. */
export type CleanReply =
  | { id: number; article: string }
  | { id: number; error: { name: string; message: string; issues?: { path: string; message: string }[] } };

interface Pending {
  resolve: (a: Article) => void;
  reject: (e: Error) => void;
}

/** One worker for the process: enrichment is CPU-bound, and the machine's other core serves requests. */
class CleanWorker {
  #worker: Worker | null = null;
  #next = 1;
  readonly #pending = new Map<number, Pending>();

  run(op: CleanOp, input: unknown): Promise<Article> {
    const worker = this.#start();
    const id = this.#next++;
    return new Promise<Article>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      // As JSON text both ways: one string copy costs the event loop less than cloning a
      // document of thousands of blocks.
      worker.postMessage({ id, op, input: JSON.stringify(input) });
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    // A .mjs bootstrap registers tsx in the thread, whichever way the process itself was started.
    const worker = new Worker(new URL("./clean-worker.mjs", import.meta.url));
    worker.on("message", (reply: CleanReply) => {
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      // An idle worker must not keep the process (a CLI command, a test) alive.
      if (this.#pending.size === 0) worker.unref();
      if ("article" in reply) {
        // The thread ran the schema (cleanArticle / parseArticle) on this very document; validating
        // it again here would put the cost back on the event loop the thread exists to spare.
        const article: Article = JSON.parse(reply.article);
        pending.resolve(article);
      } else if (reply.error.name === "ValidationError")
        pending.reject(new ValidationError(reply.error.message, reply.error.issues ?? []));
      else pending.reject(new Error(reply.error.message));
    });
    const fail = (error: Error) => {
      this.#worker = null;
      for (const p of this.#pending.values()) p.reject(error);
      this.#pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the enrichment worker stopped (exit code ${code})`)));
    worker.unref();
    this.#worker = worker;
    return worker;
  }
}

const worker = new CleanWorker();

/** cleanArticle, on the worker thread when the body is large, so requests stay responsive meanwhile. */
export async function cleanArticleAsync(input: unknown): Promise<Article> {
  if (textSize(input, OFF_THREAD_CHARS) <= OFF_THREAD_CHARS) return cleanArticle(input);
  return worker.run("clean", input);
}

/** enrichArticle, on the worker thread when the article is large (its text is already clean). */
export async function enrichArticleAsync(article: Article): Promise<Article> {
  if (textSize(article, OFF_THREAD_CHARS) <= OFF_THREAD_CHARS) return enrichArticle(article);
  return worker.run("enrich", article);
}
