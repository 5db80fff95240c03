import { parentPort } from "node:worker_threads";
import { enrichArticle } from "../enrich/enrich.ts";
import type { Article } from "../model/article.ts";
import { type CleanOp, type CleanReply, cleanArticle } from "./clean.ts";

// The thread behind cleanArticleAsync: one body at a time, in the order they arrive.
parentPort!.on("message", ({ id, op, input }: { id: number; op: CleanOp; input: unknown }) => {
  let reply: CleanReply;
  try {
    reply = { id, article: op === "enrich" ? enrichArticle(input as Article) : cleanArticle(input) };
  } catch (error) {
    const e = error as Error & { issues?: { path: string; message: string }[] };
    reply = { id, error: { name: e.name, message: e.message, issues: e.issues } };
  }
  parentPort!.postMessage(reply);
});
