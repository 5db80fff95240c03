import type { ListBlock } from "./schema.ts";

export const list = (items: string[], ordered = false): ListBlock => ({ type: "list", ordered, items });
