/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { ListBlock } from "../../model/blocks.ts";
import type { BlockProps } from "./types.ts";

export function List({ block }: BlockProps<ListBlock>) {
  const items = block.items.map((item) => <li>{item}</li>);
  return block.ordered ? <ol class="list">{items}</ol> : <ul class="list">{items}</ul>;
}
