import type { EmbedBlock } from "../../model/blocks.ts";
import { ATOM_NODES } from "../convert.ts";
import { atomNode } from "./atom.ts";

export const EmbedNode = atomNode(ATOM_NODES.embed, (b) => {
  const block = b as EmbedBlock;
  return { label: `Embed${block.provider ? ` (${block.provider})` : ""}: ${block.title ?? block.url}` };
});
