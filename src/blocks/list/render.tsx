/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { ListBlock } from "./schema.ts";

/**
 * An ordered list whose items were typed with their own numbers ("1. …", "2) …", counting from
 * 1) would read "1. 1. …": the browser numbers them, so the typed numbers are dropped here.
 */
export function withoutTypedNumbers(items: string[]): string[] {
  const typed = items.every((item, i) => new RegExp(`^${i + 1}[.)]\\s+\\S`).test(item));
  return typed ? items.map((item) => item.replace(/^\d+[.)]\s+/, "")) : items;
}

export function List({ block }: BlockProps<ListBlock>) {
  const texts = block.ordered ? withoutTypedNumbers(block.items) : block.items;
  const items = texts.map((item) => <li>{item}</li>);
  return block.ordered ? <ol class="list">{items}</ol> : <ul class="list">{items}</ul>;
}
