import type { QuoteBlock } from "./schema.ts";

export const q = (text: string, speaker: string): QuoteBlock => ({ type: "quote", text, speaker, pull: false });

export const pull = (text: string, speaker: string): QuoteBlock => ({ type: "quote", text, speaker, pull: true });
