import { z } from "zod";

/** Fields several block types share. */

export const url = z.string().min(1).max(4096);

export const linkItem = z.object({
  title: z.string().min(1),
  url,
});
