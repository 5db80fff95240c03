import { atomNode } from "../../desk/atom-node.ts";
import { ATOM_NODES } from "../../desk/convert.ts";
import type { EmbedBlock } from "./schema.ts";

export const EmbedNode = atomNode(ATOM_NODES.embed, (b) => {
  const block = b as EmbedBlock;
  return { label: `Embed${block.provider ? ` (${block.provider})` : ""}: ${block.title ?? block.url}` };
});
