import type { CrossheadBlock } from "./schema.ts";

export function crossheadText(b: CrossheadBlock): string {
  return b.text;
}
