import { z } from "zod";

export const crossheadBlock = z.object({
  type: z.literal("crosshead"),
  text: z.string().min(1).max(500),
  level: z.union([z.literal(2), z.literal(3)]).default(2),
});

export type CrossheadBlock = z.infer<typeof crossheadBlock>;
