import { atomNode } from "../../desk/atom-node.ts";
import { ATOM_NODES } from "../../desk/convert.ts";
import type { RelatedStoriesBlock } from "./schema.ts";

export const RelatedStoriesNode = atomNode(ATOM_NODES["related-stories"], (b) => {
  const block = b as RelatedStoriesBlock;
  return { label: `${block.title}: ${block.items.map((i) => i.title).join("; ") || "(computed)"}` };
});
