import { z } from "zod";
import { url } from "../fields.ts";

const fraction = z.number().min(0).max(1);

export const imageCrop = z
  .object({ x: fraction, y: fraction, width: fraction.positive(), height: fraction.positive() })
  .refine((c) => c.x + c.width <= 1.0001 && c.y + c.height <= 1.0001, "the crop must lie inside the image");
export const imageFocal = z.object({ x: fraction, y: fraction });

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
  /** The part of the original shown, as fractions of its width and height (media-library images). */
  crop: imageCrop.optional(),
  /** The point that must stay in view (social cards), as fractions across and down the shown image. */
  focal: imageFocal.optional(),
});

export type ImageBlock = z.infer<typeof imageBlock>;
