import { atomNode } from "../../desk/atom-node.ts";
import { ATOM_NODES } from "../../desk/convert.ts";
import type { MediaBlock } from "./schema.ts";

export const MediaNode = atomNode(ATOM_NODES.media, (b) => {
  const block = b as MediaBlock;
  return { label: `${block.kind === "video" ? "Video" : "Audio"}: ${block.caption || block.sources[0]?.src || ""}` };
});
