import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { enrichArticle } from "../enrich/enrich.ts";
import { parseArticle } from "../model/article.ts";
import { type CleanOp, type CleanReply, cleanArticle } from "./clean.ts";

// The thread behind cleanArticleAsync: one body at a time, in the order they arrive.
try {
  // On Linux a priority is per thread: readers' requests on the main thread go first.
  setPriority(19);
} catch {
  // Not permitted here: run at normal priority.
}
parentPort!.on("message", ({ id, op, input }: { id: number; op: CleanOp; input: string }) => {
  let reply: CleanReply;
  try {
    const parsed: unknown = JSON.parse(input);
    const article = op === "enrich" ? enrichArticle(parseArticle(parsed)) : cleanArticle(parsed);
    reply = { id, article: JSON.stringify(article) };
  } catch (error) {
    const e = error as Error & { issues?: { path: string; message: string }[] };
    reply = { id, error: { name: e.name, message: e.message, issues: e.issues } };
  }
  parentPort!.postMessage(reply);
});
