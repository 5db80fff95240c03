import type { ListBlock } from "./schema.ts";

export function listText(b: ListBlock): string {
  return b.items.join("\n");
}
