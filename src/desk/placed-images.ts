import type { Editor } from "@tiptap/core";
import type { ImageBlock } from "../blocks/image/schema.ts";
import { mediaIdOf } from "../media/paths.ts";
import { ATOM_NODES } from "./convert.ts";

/**
 * "Placed images": edit an image already in the story (alt text, caption, credit), and crop it or
 * set its focal point. A crop or focal point asks the media library for new renditions
 * (POST /api/media/:id/crop); the block in the editor then points at them, and the story is saved
 * as any other edit.
 */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

interface Placed {
  pos: number;
  block: ImageBlock;
}

const percent = (f: number | undefined) => (f === undefined ? "" : String(Math.round(f * 10000) / 100));

export function startPlacedImages(editor: Editor, csrf: string): void {
  const panel = $<HTMLFieldSetElement>("placed-images");
  const select = $<HTMLSelectElement>("placed-image");
  const preview = $<HTMLImageElement>("placed-preview");
  const status = $("placed-status");
  if (!panel || !select || !preview || !status) return;
  const input = (id: string) => $<HTMLInputElement>(id)!;
  const text = { alt: input("placed-alt"), caption: input("placed-caption"), credit: input("placed-credit") };
  const cropInputs = {
    x: input("crop-x"),
    y: input("crop-y"),
    width: input("crop-width"),
    height: input("crop-height"),
  };
  const focalInputs = { x: input("focal-x"), y: input("focal-y") };
  const say = (message: string) => {
    status.textContent = message;
  };

  const placed = (): Placed[] => {
    const out: Placed[] = [];
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === ATOM_NODES.image && node.attrs.block?.src) out.push({ pos, block: node.attrs.block });
      return false;
    });
    return out;
  };

  /** The block whose values the fields show, so typing in the story does not overwrite them. */
  let shown = "";
  const fill = (block: ImageBlock) => {
    shown = JSON.stringify(block);
    text.alt.value = block.alt;
    text.caption.value = block.caption ?? "";
    text.credit.value = block.credit ?? "";
    for (const k of ["x", "y", "width", "height"] as const) cropInputs[k].value = percent(block.crop?.[k]);
    for (const k of ["x", "y"] as const) focalInputs[k].value = percent(block.focal?.[k]);
    preview.src = block.sizes[0]?.src ?? block.src ?? "";
  };

  const refresh = () => {
    const images = placed();
    panel.hidden = images.length === 0;
    const chosen = Math.min(Math.max(select.selectedIndex, 0), Math.max(images.length - 1, 0));
    const labels = images.map((p, i) => `Image ${i + 1}: ${p.block.alt || "(no alt text)"}`);
    if ([...select.options].map((o) => o.text).join("\n") !== labels.join("\n")) {
      select.replaceChildren(...labels.map((l, i) => new Option(l, String(i))));
      select.selectedIndex = chosen;
    }
    const current = images[select.selectedIndex];
    if (current && JSON.stringify(current.block) !== shown) fill(current.block);
  };
  // A pointer shortcut for the focal point: a click on the preview sets the two fields.
  preview.addEventListener("click", (e) => {
    const box = preview.getBoundingClientRect();
    if (!box.width || !box.height) return;
    focalInputs.x.value = percent(Math.min(1, Math.max(0, (e.clientX - box.left) / box.width)));
    focalInputs.y.value = percent(Math.min(1, Math.max(0, (e.clientY - box.top) / box.height)));
  });
  editor.on("update", refresh);
  select.addEventListener("change", () => {
    shown = "";
    refresh();
  });
  refresh();

  /** The fields as fractions; an error message names the field when one is wrong. */
  const readNumbers = <K extends string>(inputs: Record<K, HTMLInputElement>, what: string) => {
    const values = Object.entries(inputs).map(([k, el]) => [k, (el as HTMLInputElement).value.trim()] as const);
    if (values.every(([, v]) => v === "")) return { value: undefined };
    const out: Record<string, number> = {};
    for (const [k, v] of values) {
      const n = Number(v);
      if (v === "" || !Number.isFinite(n) || n < 0 || n > 100)
        return { error: `${what}: give every value as a number from 0 to 100 (${k} is “${v}”)` };
      out[k] = n / 100;
    }
    return { value: out as Record<K, number> };
  };

  $("placed-update-button")?.addEventListener("click", async () => {
    const current = placed()[select.selectedIndex];
    if (!current) return;
    const crop = readNumbers(cropInputs, "Crop");
    const focal = readNumbers(focalInputs, "Focal point");
    const error = crop.error ?? focal.error;
    if (error) return say(`Not updated: ${error}`);
    if (crop.value && (crop.value.x + crop.value.width > 1.0001 || crop.value.y + crop.value.height > 1.0001))
      return say("Not updated: the crop must lie inside the image (left + width and top + height at most 100)");
    if (crop.value && (crop.value.width === 0 || crop.value.height === 0))
      return say("Not updated: the crop needs a width and a height");
    const { crop: _oldCrop, focal: _oldFocal, ...rest } = current.block;
    let block: ImageBlock = {
      ...rest,
      alt: text.alt.value.trim(),
      caption: text.caption.value.trim() || undefined,
      credit: text.credit.value.trim() || undefined,
    };
    const framing = JSON.stringify({ crop: crop.value ?? null, focal: focal.value ?? null });
    const before = JSON.stringify({ crop: current.block.crop ?? null, focal: current.block.focal ?? null });
    if (framing !== before) {
      const media = mediaIdOf(current.block.src ?? "");
      if (!media) return say("Not updated: only images from the media library can be cropped");
      say("Making the cropped image…");
      const response = await fetch(`/api/media/${media}/crop`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ crop: crop.value, focal: focal.value }),
        credentials: "same-origin",
      });
      const body = (await response.json().catch(() => ({}))) as {
        image?: Partial<ImageBlock>;
        error?: { message?: string };
      };
      if (!response.ok || !body.image) return say(`Not updated: ${body.error?.message ?? response.statusText}`);
      block = { ...block, ...body.image };
    }
    // The image may have moved while the request ran: find it again by what it was.
    const now = placed().find((p) => JSON.stringify(p.block) === JSON.stringify(current.block));
    if (!now) return say("Not updated: the image was removed or changed meanwhile");
    editor.view.dispatch(editor.state.tr.setNodeMarkup(now.pos, undefined, { block }));
    say(`Image ${select.selectedIndex + 1} updated`);
  });
}
