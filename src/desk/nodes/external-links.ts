import type { ExternalLinksBlock } from "../../model/blocks.ts";
import { ATOM_NODES } from "../convert.ts";
import { atomNode } from "./atom.ts";

export const ExternalLinksNode = atomNode(ATOM_NODES["external-links"], (b) => {
  const block = b as ExternalLinksBlock;
  return { label: `${block.title}: ${block.items.map((i) => i.title).join("; ")}` };
});
