/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { CrossheadBlock } from "../../model/blocks.ts";
import type { BlockProps } from "./types.ts";

export function Crosshead({ block }: BlockProps<CrossheadBlock>) {
  return block.level === 3 ? <h3 class="crosshead">{block.text}</h3> : <h2 class="crosshead">{block.text}</h2>;
}
