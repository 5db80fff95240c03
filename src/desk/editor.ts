import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Block } from "../blocks/block.ts";
import { CrossheadNode } from "../blocks/crosshead/editor.ts";
import { EmbedNode } from "../blocks/embed/editor.ts";
import { ExternalLinksNode } from "../blocks/external-links/editor.ts";
import { ImageNode } from "../blocks/image/editor.ts";
import { MediaNode } from "../blocks/media/editor.ts";
import { QuoteNode } from "../blocks/quote/editor.ts";
import { RelatedStoriesNode } from "../blocks/related-stories/editor.ts";
import { blocksToDoc, docToBlocks, type PmNode } from "./convert.ts";

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
  // No update event: filling the editor is not an edit (it must not mark the story unsaved).
  editor.commands.setContent(blocksToDoc(blocks), { emitUpdate: false });
}
