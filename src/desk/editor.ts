import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Block } from "../model/blocks.ts";
import { blocksToDoc, docToBlocks, type PmNode } from "./convert.ts";
import { CrossheadNode } from "./nodes/crosshead.ts";
import { EmbedNode } from "./nodes/embed.ts";
import { ExternalLinksNode } from "./nodes/external-links.ts";
import { ImageNode } from "./nodes/image.ts";
import { MediaNode } from "./nodes/media.ts";
import { QuoteNode } from "./nodes/quote.ts";
import { RelatedStoriesNode } from "./nodes/related-stories.ts";

/** The story body editor: Tiptap with exactly the nodes and marks the article model has. */
export function createBodyEditor(element: HTMLElement, blocks: Block[], onChange: () => void): Editor {
  return new Editor({
    element,
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        codeBlock: false,
        horizontalRule: false,
        link: { openOnClick: false, autolink: false, protocols: ["http", "https", "mailto", "tel"] },
      }),
      CrossheadNode,
      QuoteNode,
      ImageNode,
      MediaNode,
      EmbedNode,
      RelatedStoriesNode,
      ExternalLinksNode,
    ],
    content: blocksToDoc(blocks),
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story body",
        class: "desk-body",
      },
    },
    onUpdate: onChange,
  });
}

export function editorBlocks(editor: Editor): Block[] {
  return docToBlocks(editor.getJSON() as PmNode);
}

export function setEditorBlocks(editor: Editor, blocks: Block[]): void {
  editor.commands.setContent(blocksToDoc(blocks));
}
