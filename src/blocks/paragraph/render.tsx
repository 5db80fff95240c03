/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { raw } from "hono/html";
import type { BlockProps } from "../render-context.ts";
import type { ParagraphBlock } from "./schema.ts";

// `html` is sanitized inline markup by the model's contract (importers and the editorial API clean it).
export function Paragraph({ block }: BlockProps<ParagraphBlock>) {
  return <p>{block.html ? raw(block.html) : block.text}</p>;
}
