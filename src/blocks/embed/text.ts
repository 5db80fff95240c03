import type { EmbedBlock } from "./schema.ts";

export function embedText(b: EmbedBlock): string {
  return b.title ?? "";
}
