import type { CrossheadBlock } from "./schema.ts";

export const h = (text: string, level: 2 | 3 = 2): CrossheadBlock => ({ type: "crosshead", text, level });
