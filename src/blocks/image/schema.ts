import { z } from "zod";
import { url } from "../fields.ts";

export const imageSize = z.object({ src: url, width: z.number().int().positive() });

export const imageBlock = z.object({
  type: z.literal("image"),
  /** Absent when only the caption survived, as in a page copied as text ("Image caption …"). */
  src: url.optional(),
  alt: z.string().default(""),
  caption: z.string().optional(),
  credit: z.string().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Alternative renditions for srcset. */
  sizes: z.array(imageSize).default([]),
});

export type ImageBlock = z.infer<typeof imageBlock>;
