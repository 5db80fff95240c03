import { atomNode } from "../../desk/atom-node.ts";
import { ATOM_NODES } from "../../desk/convert.ts";
import type { ImageBlock } from "./schema.ts";

export const ImageNode = atomNode(ATOM_NODES.image, (b) => {
  const block = b as ImageBlock;
  const img = document.createElement("img");
  img.src = block.sizes[0]?.src ?? block.src;
  img.alt = block.alt;
  return {
    label: `Image: ${block.alt || "(no alt text: needed before publishing)"}${block.caption ? ` — ${block.caption}` : ""}${block.credit ? ` (${block.credit})` : ""}`,
    html: img,
  };
});
