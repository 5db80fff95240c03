/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { ListBlock } from "./schema.ts";

export function List({ block }: BlockProps<ListBlock>) {
  const items = block.items.map((item) => <li>{item}</li>);
  return block.ordered ? <ol class="list">{items}</ol> : <ul class="list">{items}</ul>;
}
