import { z } from "zod";

export const paragraphBlock = z.object({
  type: z.literal("paragraph"),
  text: z.string().min(1),
  /** Inline markup (links, emphasis), already sanitized; `text` is its plain-text form. */
  html: z.string().optional(),
});

export type ParagraphBlock = z.infer<typeof paragraphBlock>;
