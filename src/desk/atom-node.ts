import { Node } from "@tiptap/core";
import type { Block } from "../blocks/block.ts";

/**
 * A block the editor shows but does not edit as text (image, media, embed, related stories,
 * external links): the node holds the whole model block, so it converts back unchanged.
 */
export function atomNode(name: string, describe: (block: Block) => { label: string; html?: HTMLElement }) {
  return Node.create({
    name,
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return {
        block: {
          default: null,
          parseHTML: (el) => {
            try {
              return JSON.parse(el.getAttribute("data-block") ?? "null");
            } catch {
              return null;
            }
          },
          renderHTML: (attrs) => ({ "data-block": JSON.stringify(attrs.block) }),
        },
      };
    },
    parseHTML() {
      return [{ tag: `div[data-node="${name}"]` }];
    },
    renderHTML({ HTMLAttributes, node }) {
      const block = node.attrs.block as Block | null;
      const { label } = block ? describe(block) : { label: name };
      return ["div", { ...HTMLAttributes, "data-node": name, class: `desk-atom desk-atom-${name}` }, ["p", {}, label]];
    },
    addNodeView() {
      return ({ node }) => {
        const dom = document.createElement("div");
        dom.className = `desk-atom desk-atom-${name}`;
        dom.setAttribute("data-node", name);
        const block = node.attrs.block as Block | null;
        const shown = block ? describe(block) : { label: name };
        if (shown.html) dom.append(shown.html);
        const label = document.createElement("p");
        label.textContent = shown.label;
        dom.append(label);
        return { dom };
      };
    },
  });
}
