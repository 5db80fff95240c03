import type { ParagraphBlock } from "./schema.ts";

/** The sample newsroom's short constructor for a paragraph. */
export const p = (text: string): ParagraphBlock => ({ type: "paragraph", text });
