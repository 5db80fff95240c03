import { atomNode } from "../../desk/atom-node.ts";
import { ATOM_NODES } from "../../desk/convert.ts";
import type { ExternalLinksBlock } from "./schema.ts";

export const ExternalLinksNode = atomNode(ATOM_NODES["external-links"], (b) => {
  const block = b as ExternalLinksBlock;
  return { label: `${block.title}: ${block.items.map((i) => i.title).join("; ")}` };
});
