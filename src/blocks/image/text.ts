import type { ImageBlock } from "./schema.ts";

export function imageText(b: ImageBlock): string {
  return b.caption ?? "";
}
