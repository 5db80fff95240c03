import type { MediaBlock } from "./schema.ts";

export function mediaText(b: MediaBlock): string {
  return b.caption;
}
