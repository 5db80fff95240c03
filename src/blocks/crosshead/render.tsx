/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { BlockProps } from "../render-context.ts";
import type { CrossheadBlock } from "./schema.ts";

export function Crosshead({ block }: BlockProps<CrossheadBlock>) {
  return block.level === 3 ? <h3 class="crosshead">{block.text}</h3> : <h2 class="crosshead">{block.text}</h2>;
}
