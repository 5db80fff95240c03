import { z } from "zod";

export const listBlock = z.object({
  type: z.literal("list"),
  ordered: z.boolean().default(false),
  items: z.array(z.string().min(1)).min(1),
});

export type ListBlock = z.infer<typeof listBlock>;
