import { Node } from "@tiptap/core";

/** A quote: plain text and who said it (set from the "Quote speaker" field). */
export const QuoteNode = Node.create({
  name: "quote",
  group: "block",
  content: "text*",
  marks: "",
  defining: true,
  addAttributes() {
    return {
      speaker: {
        default: null,
        parseHTML: (el) => el.getAttribute("data-speaker"),
        renderHTML: (attrs) => (attrs.speaker ? { "data-speaker": attrs.speaker } : {}),
      },
      pull: {
        default: false,
        parseHTML: (el) => el.getAttribute("data-pull") === "true",
        renderHTML: (attrs) => (attrs.pull ? { "data-pull": "true" } : {}),
      },
    };
  },
  parseHTML() {
    return [{ tag: "blockquote" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["blockquote", HTMLAttributes, 0];
  },
});
