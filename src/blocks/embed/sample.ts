import type { EmbedBlock } from "./schema.ts";

export const embed = (url: string, provider: string, title: string, html: string): EmbedBlock => ({
  type: "embed",
  url,
  provider,
  title,
  html,
});
