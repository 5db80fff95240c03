import type { MediaBlock } from "../../model/blocks.ts";
import { ATOM_NODES } from "../convert.ts";
import { atomNode } from "./atom.ts";

export const MediaNode = atomNode(ATOM_NODES.media, (b) => {
  const block = b as MediaBlock;
  return { label: `${block.kind === "video" ? "Video" : "Audio"}: ${block.caption || block.sources[0]?.src || ""}` };
});
