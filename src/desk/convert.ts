import type { Block } from "../blocks/block.ts";

/**
 * The editor's document (ProseMirror JSON) to and from the article model's blocks. Pure and
 * dependency-free so the browser bundle and the server (and its tests) share it. One editor node
 * per block type: paragraph, crosshead, quote, bulletList/orderedList (list), and atoms holding the
 * whole block for image, media, embed, relatedStories and externalLinks.
 */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** Editor node name of each atom block type (ProseMirror names cannot contain '-'). */
export const ATOM_NODES = {
  image: "image",
  media: "media",
  embed: "embed",
  "related-stories": "relatedStories",
  "external-links": "externalLinks",
} as const;

const ATOM_TYPES = new Map<string, Block["type"]>(Object.entries(ATOM_NODES).map(([k, v]) => [v, k as Block["type"]]));

/** Inline tags the editor has marks for; others in imported markup keep their text only. */
const TAG_MARKS: Record<string, string> = {
  strong: "bold",
  b: "bold",
  em: "italic",
  i: "italic",
  a: "link",
  code: "code",
  s: "strike",
  u: "underline",
};
const MARK_TAGS: Record<string, string> = {
  bold: "strong",
  italic: "em",
  link: "a",
  code: "code",
  strike: "s",
  underline: "u",
};
/** Outermost first, so equal inputs always serialise to equal markup. */
const MARK_ORDER = ["link", "bold", "italic", "underline", "strike", "code"];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function sortMarks(marks: PmMark[]): PmMark[] {
  return [...marks].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function sameMarks(a: PmMark[] | undefined, b: PmMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Appends a text node, merging it into the previous one when their marks are equal (as ProseMirror does). */
function pushText(out: PmNode[], text: string, marks: PmMark[]): void {
  if (!text) return;
  const last = out[out.length - 1];
  const sorted = sortMarks(marks);
  if (last?.type === "text" && sameMarks(last.marks, sorted.length ? sorted : undefined)) {
    last.text += text;
    return;
  }
  out.push(sorted.length ? { type: "text", text, marks: sorted } : { type: "text", text });
}

/** The model's sanitized inline markup as text nodes with marks. */
export function inlineHtmlToNodes(html: string): PmNode[] {
  const out: PmNode[] = [];
  const stack: { tag: string; mark?: PmMark }[] = [];
  const active = () => stack.flatMap((s) => (s.mark ? [s.mark] : []));
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^>]*?)?)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, closing, rawTag, attrs, , text, stray] = m;
    if (text !== undefined || stray !== undefined) {
      pushText(out, decodeEntities(text ?? stray), active());
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === "br") {
      out.push({ type: "hardBreak" });
      continue;
    }
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.splice(at, 1);
      continue;
    }
    const markType = TAG_MARKS[tag];
    let mark: PmMark | undefined;
    if (markType === "link") {
      const href = /href\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs ?? "");
      if (href) mark = { type: "link", attrs: { href: decodeEntities(href[2] ?? href[3] ?? "") } };
    } else if (markType && !active().some((a) => a.type === markType)) mark = { type: markType };
    stack.push({ tag, mark });
  }
  return out;
}

function openTag(mark: PmMark): string {
  const tag = MARK_TAGS[mark.type];
  if (mark.type === "link") return `<a href="${escapeHtml(String(mark.attrs?.href ?? ""))}">`;
  return `<${tag}>`;
}

/**
 * Text nodes with marks as the model's inline markup; `hasMarkup` is false for plain text. Marks
 * shared by neighbouring nodes stay open across them, so `<a>the <strong>report</strong></a>`
 * comes back as it went in.
 */
export function nodesToInline(nodes: PmNode[]): { text: string; html: string; hasMarkup: boolean } {
  let text = "";
  let html = "";
  let hasMarkup = false;
  let open: PmMark[] = [];
  const closeTo = (depth: number) => {
    while (open.length > depth) html += `</${MARK_TAGS[open.pop()!.type]}>`;
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      text += "\n";
      html += "<br>";
      hasMarkup = true;
      continue;
    }
    if (node.type !== "text" || !node.text) continue;
    text += node.text;
    const marks = sortMarks((node.marks ?? []).filter((m) => MARK_TAGS[m.type]));
    if (marks.length) hasMarkup = true;
    let keep = 0;
    while (keep < open.length && keep < marks.length && sameMarks([open[keep]], [marks[keep]])) keep++;
    closeTo(keep);
    for (const mark of marks.slice(keep)) {
      html += openTag(mark);
      open = [...open, mark];
    }
    html += escapeHtml(node.text);
  }
  closeTo(0);
  return { text, html, hasMarkup };
}

function plainText(nodes: PmNode[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === "text" ? (n.text ?? "") : n.type === "hardBreak" ? "\n" : "")).join("");
}

function textNodes(text: string): PmNode[] {
  return text ? [{ type: "text", text }] : [];
}

export function blockToNode(block: Block): PmNode {
  switch (block.type) {
    case "paragraph":
      return { type: "paragraph", content: block.html ? inlineHtmlToNodes(block.html) : textNodes(block.text) };
    case "crosshead":
      return { type: "crosshead", attrs: { level: block.level }, content: textNodes(block.text) };
    case "quote":
      return {
        type: "quote",
        attrs: { speaker: block.speaker ?? null, pull: block.pull },
        content: textNodes(block.text),
      };
    case "list":
      return {
        type: block.ordered ? "orderedList" : "bulletList",
        content: block.items.map((item) => ({
          type: "listItem",
          content: [{ type: "paragraph", content: textNodes(item) }],
        })),
      };
    default:
      return { type: ATOM_NODES[block.type], attrs: { block } };
  }
}

/** One node's block, or null for an empty node (an empty paragraph is just where the cursor was). */
export function nodeToBlock(node: PmNode): Block | null {
  switch (node.type) {
    case "paragraph": {
      const inline = nodesToInline(node.content ?? []);
      if (!inline.text.trim()) return null;
      return inline.hasMarkup
        ? { type: "paragraph", text: inline.text, html: inline.html }
        : { type: "paragraph", text: inline.text };
    }
    case "crosshead": {
      const text = plainText(node.content).trim();
      const level = node.attrs?.level === 3 ? 3 : 2;
      return text ? { type: "crosshead", text, level } : null;
    }
    case "quote": {
      const text = plainText(node.content).trim();
      if (!text) return null;
      const speaker = typeof node.attrs?.speaker === "string" ? node.attrs.speaker.trim() : "";
      return speaker
        ? { type: "quote", text, speaker, pull: node.attrs?.pull === true }
        : { type: "quote", text, pull: node.attrs?.pull === true };
    }
    case "bulletList":
    case "orderedList": {
      const items = (node.content ?? [])
        .map((item) =>
          (item.content ?? [])
            .map((p) => plainText(p.content))
            .join("\n")
            .trim(),
        )
        .filter((t) => t.length > 0);
      return items.length ? { type: "list", ordered: node.type === "orderedList", items } : null;
    }
    default: {
      const type = ATOM_TYPES.get(node.type);
      const block = node.attrs?.block as Block | undefined;
      return type && block?.type === type ? block : null;
    }
  }
}

export function blocksToDoc(blocks: Block[]): PmNode {
  const content = blocks.map(blockToNode);
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

export function docToBlocks(doc: PmNode): Block[] {
  return (doc.content ?? []).flatMap((node) => {
    const block = nodeToBlock(node);
    return block ? [block] : [];
  });
}
