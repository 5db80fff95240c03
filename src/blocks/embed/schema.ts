import { z } from "zod";
import { url } from "../fields.ts";

export const embedBlock = z.object({
  type: z.literal("embed"),
  url,
  provider: z.string().optional(),
  title: z.string().optional(),
  /** Sanitized markup for the embed; rendered inside a sandboxed frame, never inline. */
  html: z.string().optional(),
});

export type EmbedBlock = z.infer<typeof embedBlock>;
