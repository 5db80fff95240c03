import { Node } from "@tiptap/core";

/** A crosshead: a plain-text subheading, level 2 or 3. */
export const CrossheadNode = Node.create({
  name: "crosshead",
  group: "block",
  content: "text*",
  marks: "",
  defining: true,
  addAttributes() {
    return {
      level: {
        default: 2,
        parseHTML: (el) => (el.tagName === "H3" ? 3 : 2),
        renderHTML: () => ({}),
      },
    };
  },
  parseHTML() {
    return [{ tag: "h2" }, { tag: "h3" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [node.attrs.level === 3 ? "h3" : "h2", HTMLAttributes, 0];
  },
});
