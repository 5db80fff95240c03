import type { RelatedStoriesBlock } from "../../model/blocks.ts";
import { ATOM_NODES } from "../convert.ts";
import { atomNode } from "./atom.ts";

export const RelatedStoriesNode = atomNode(ATOM_NODES["related-stories"], (b) => {
  const block = b as RelatedStoriesBlock;
  return { label: `${block.title}: ${block.items.map((i) => i.title).join("; ") || "(computed)"}` };
});
