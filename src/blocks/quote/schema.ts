import { z } from "zod";

export const quoteBlock = z.object({
  type: z.literal("quote"),
  text: z.string().min(1),
  /** Canonical name of who said it, when known. */
  speaker: z.string().min(1).optional(),
  /** A pull quote repeats words from the body as a visual element. */
  pull: z.boolean().default(false),
});

export type QuoteBlock = z.infer<typeof quoteBlock>;
