import type { Editor } from "@tiptap/core";
import type { Block } from "../blocks/block.ts";
import { type Change, diffDocuments } from "../editorial/diff.ts";
import type { Article } from "../model/article.ts";
import { createBodyEditor, editorBlocks, setEditorBlocks } from "./editor.ts";
import { mergeStory } from "./merge.ts";
import { startPlacedImages } from "./placed-images.ts";
import { startRelatedPanel } from "./related.ts";

/**
 * The desk's browser code: the story editor page. Every write goes to the editorial API
 * (/api/articles…) with the session cookie and its CSRF token, so the desk can do nothing the
 * API cannot, and the API's role checks and revision checks (If-Match → 412) apply.
 */
interface PageData {
  id: string | null;
  revision: number;
  article: Article | null;
  role: "writer" | "editor" | "admin";
  csrf: string;
  /** Idle time before a draft is autosaved; 0: never. */
  autosaveMs: number;
}

type Editable = Pick<Article, "headline" | "summary" | "section" | "byline" | "slug" | "blocks">;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

function readData(): PageData | null {
  const el = document.getElementById("desk-data");
  return el?.textContent ? (JSON.parse(el.textContent) as PageData) : null;
}

function describeValue(value: unknown): string {
  if (value === undefined || value === null) return "(nothing)";
  if (typeof value === "string") return `“${value.length > 120 ? `${value.slice(0, 117)}…` : value}”`;
  if (typeof value === "object" && value && "text" in value) return describeValue((value as { text: unknown }).text);
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}

/** A field-by-field list of changes, for the conflict panel. */
export function changeList(changes: Change[]): HTMLUListElement {
  const ul = document.createElement("ul");
  for (const c of changes) {
    const li = document.createElement("li");
    li.textContent =
      c.op === "changed"
        ? `${c.path}: ${describeValue(c.from)} → ${describeValue(c.to)}`
        : c.op === "added"
          ? `${c.path} added: ${describeValue(c.to)}`
          : `${c.path} removed: ${describeValue(c.from)}`;
    ul.append(li);
  }
  if (!changes.length) {
    const li = document.createElement("li");
    li.textContent = "No changes";
    ul.append(li);
  }
  return ul;
}

function editable(a: Partial<Article>): Editable {
  return {
    headline: a.headline ?? "",
    summary: a.summary ?? "",
    section: a.section ?? "",
    byline: a.byline ?? [],
    slug: a.slug ?? "",
    blocks: a.blocks ?? [],
  };
}

function startEditor(data: PageData): void {
  const status = $("save-status")!;
  const fields = {
    headline: $<HTMLInputElement>("headline")!,
    summary: $<HTMLTextAreaElement>("summary")!,
    section: $<HTMLInputElement>("section")!,
    byline: $<HTMLInputElement>("byline")!,
    slug: $<HTMLInputElement>("slug")!,
  };
  let id = data.id;
  let revision = data.revision;
  let base: Article | null = data.article;
  let dirty = false;
  /** Counts edits, so a save that ran while the person kept typing leaves the story dirty. */
  let edits = 0;
  /** Set while the conflict panel waits for Merge or Reload: no autosave into a known conflict. */
  let conflicted = false;
  let saving: Promise<boolean> | null = null;
  let autosave: ReturnType<typeof setTimeout> | undefined;
  const unsaved = $("unsaved-changes");

  const say = (text: string) => {
    status.textContent = text;
  };
  const setDirty = (value: boolean) => {
    dirty = value;
    if (unsaved) unsaved.hidden = !value;
  };
  /** Autosave only drafts (a change to a live story goes out only when someone presses Save), and a
   * new story only once it has the headline and section the API needs to create it. */
  const autosaves = () =>
    data.autosaveMs > 0 &&
    !conflicted &&
    (id
      ? !!base && (base.status === "draft" || base.status === "unpublished")
      : !!fields.headline.value.trim() && !!fields.section.value.trim());
  const scheduleAutosave = () => {
    clearTimeout(autosave);
    if (autosaves()) autosave = setTimeout(() => void save("Autosaved"), data.autosaveMs);
  };
  const markDirty = () => {
    edits++;
    setDirty(true);
    scheduleAutosave();
  };
  const related = startRelatedPanel(() => id, data.csrf);
  const editor: Editor = createBodyEditor($("body-editor")!, base?.blocks ?? [], markDirty);
  for (const f of Object.values(fields)) f.addEventListener("input", markDirty);
  startPlacedImages(editor, data.csrf);

  const fill = (story: Editable) => {
    fields.headline.value = story.headline;
    fields.summary.value = story.summary;
    fields.section.value = story.section;
    fields.byline.value = story.byline.map((p) => p.name).join("; ");
    fields.slug.value = story.slug;
    setEditorBlocks(editor, story.blocks);
  };

  const collect = (): Editable => {
    const byline = fields.byline.value
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((name) => base?.byline.find((p) => p.name === name) ?? { name });
    return {
      headline: fields.headline.value.trim(),
      summary: fields.summary.value.trim(),
      section: fields.section.value.trim(),
      byline,
      slug: fields.slug.value.trim(),
      blocks: editorBlocks(editor),
    };
  };

  const api = async (method: string, path: string, body?: unknown, ifMatch = true): Promise<Response> => {
    const headers: Record<string, string> = { "X-CSRF-Token": data.csrf };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (ifMatch && id) headers["If-Match"] = `"${revision}"`;
    return fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  };

  const showErrors = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as {
      error?: string | { message?: string; issues?: { path: string; message: string }[] };
      issues?: { path: string; message: string }[];
    };
    const message = typeof body.error === "string" ? body.error : (body.error?.message ?? response.statusText);
    const issues = (typeof body.error === "object" ? body.error.issues : undefined)
      ?.map((i) => `${i.path}: ${i.message}`)
      .join("; ");
    say(`Not saved: ${message}${issues ? ` (${issues})` : ""}`);
  };

  const accepted = (result: { article: Article; revision: number }, message: string, editsSaved = edits) => {
    base = result.article;
    revision = result.revision;
    setDirty(edits !== editsSaved);
    if (dirty) scheduleAutosave();
    fields.slug.value = result.article.slug;
    $("story-status")!.textContent = result.article.status;
    say(`${message}: revision ${revision}`);
    document.dispatchEvent(new CustomEvent("desk:saved", { detail: { id, revision } }));
  };

  const conflict = async () => {
    if (!id || !base) return;
    const response = await fetch(`/api/articles/${id}`, { credentials: "same-origin" });
    if (!response.ok) return showErrors(response);
    const latest = (await response.json()) as { article: Article; revision: number };
    const mine = collect();
    const panel = $("conflict")!;
    const theirs = $("conflict-theirs")!;
    const ours = $("conflict-mine")!;
    theirs.replaceChildren(changeList(diffDocuments(editable(base), editable(latest.article))));
    ours.replaceChildren(changeList(diffDocuments(editable(base), mine)));
    panel.hidden = false;
    conflicted = true;
    say(`Not saved: someone else saved this story meanwhile (now revision ${latest.revision}). Merge or reload below.`);
    const loaded = base;
    $("merge-button")!.onclick = () => {
      const { merged } = mergeStory(editable(loaded), mine, editable(latest.article));
      base = latest.article;
      revision = latest.revision;
      fill(merged);
      conflicted = false;
      markDirty();
      panel.hidden = true;
      say("Merged with the other changes: review, then Save");
      fields.headline.focus();
    };
    $("reload-button")!.onclick = () => {
      base = latest.article;
      revision = latest.revision;
      fill(editable(latest.article));
      conflicted = false;
      setDirty(false);
      panel.hidden = true;
      say(`Reloaded revision ${revision}`);
      fields.headline.focus();
    };
    $<HTMLButtonElement>("merge-button")!.focus();
  };

  const doSave = async (message: string): Promise<boolean> => {
    const story = collect();
    const editsSaved = edits;
    say("Saving…");
    let response: Response;
    if (!id) {
      const body: Record<string, unknown> = { ...story, status: "draft" };
      if (!story.slug) delete body.slug;
      response = await api("POST", "/api/articles", body, false);
      if (response.status === 201) {
        const result = (await response.json()) as { article: Article; revision: number };
        id = result.article.id;
        history.replaceState(null, "", `/desk/stories/${id}`);
        accepted(result, message, editsSaved);
        document.body.dataset.storyId = id;
        for (const el of document.querySelectorAll<HTMLElement>("[data-needs-story]")) el.hidden = false;
        void related.load();
        for (const a of document.querySelectorAll<HTMLAnchorElement>("a[data-story-link]"))
          a.href = `/desk/stories/${id}/${a.dataset.storyLink}`;
        return true;
      }
    } else {
      response = await api("PUT", `/api/articles/${id}`, { ...base, ...story });
      if (response.ok) {
        accepted(await response.json(), message, editsSaved);
        return true;
      }
      if (response.status === 412) {
        await conflict();
        return false;
      }
    }
    await showErrors(response);
    return false;
  };

  const save = (message = "Saved"): Promise<boolean> => {
    clearTimeout(autosave);
    saving ??= doSave(message).finally(() => {
      saving = null;
    });
    return saving;
  };

  $("save-button")?.addEventListener("click", () => void save());
  $("story-form")?.addEventListener("submit", (e) => {
    e.preventDefault();
    void save();
  });

  // Toolbar: each button acts on the editor and gives the focus back to it.
  const toolbar: Record<string, () => void> = {
    "bold-button": () => editor.chain().focus().toggleBold().run(),
    "italic-button": () => editor.chain().focus().toggleItalic().run(),
    "paragraph-button": () => editor.chain().focus().setNode("paragraph").run(),
    "crosshead-button": () => editor.chain().focus().setNode("crosshead", { level: 2 }).run(),
    "quote-button": () => {
      const speaker = $<HTMLInputElement>("quote-speaker")!.value.trim() || null;
      editor.chain().focus().setNode("quote", { speaker }).run();
    },
    "bullet-list-button": () => editor.chain().focus().toggleBulletList().run(),
    "ordered-list-button": () => editor.chain().focus().toggleOrderedList().run(),
    "link-button": () => {
      const href = $<HTMLInputElement>("link-href")!.value.trim();
      if (href) editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
      else editor.chain().focus().unsetLink().run();
    },
  };
  for (const [buttonId, run] of Object.entries(toolbar)) $(buttonId)?.addEventListener("click", run);
  $<HTMLInputElement>("quote-speaker")?.addEventListener("change", (e) => {
    if (editor.isActive("quote")) {
      const speaker = (e.target as HTMLInputElement).value.trim() || null;
      editor.commands.updateAttributes("quote", { speaker });
    }
  });
  editor.on("selectionUpdate", () => {
    const input = $<HTMLInputElement>("quote-speaker");
    if (input && editor.isActive("quote")) input.value = String(editor.getAttributes("quote").speaker ?? "");
  });

  // Images: uploaded to the media library, then placed at the cursor as an image block.
  $("upload-button")?.addEventListener("click", async () => {
    const file = $<HTMLInputElement>("image-file")!.files?.[0];
    const uploadStatus = $("upload-status")!;
    if (!file) {
      uploadStatus.textContent = "Choose an image file first";
      return;
    }
    const form = new FormData();
    form.set("file", file);
    for (const name of ["alt", "caption", "credit"]) form.set(name, $<HTMLInputElement>(`image-${name}`)!.value);
    uploadStatus.textContent = "Uploading…";
    const response = await fetch("/api/media", {
      method: "POST",
      body: form,
      headers: { "X-CSRF-Token": data.csrf },
      credentials: "same-origin",
    });
    const body = (await response.json().catch(() => ({}))) as { block?: Block; error?: string };
    if (!response.ok || !body.block) {
      uploadStatus.textContent = `Not uploaded: ${body.error ?? response.statusText}`;
      return;
    }
    editor
      .chain()
      .focus()
      .insertContent({ type: "image", attrs: { block: body.block } })
      .run();
    uploadStatus.textContent = `Image uploaded: ${file.name}`;
  });

  // Workflow buttons (present for editors only): save pending edits first, then the transition.
  const transition = async (path: string, method: string, body: unknown, message: string) => {
    if (!id) return;
    if (dirty && !(await save())) return;
    const response = await api(method, path, body);
    if (response.ok) accepted(await response.json(), message);
    else if (response.status === 412) await conflict();
    else await showErrors(response);
  };
  const value = (inputId: string) => $<HTMLInputElement>(inputId)?.value ?? "";
  const isoFromLocal = (local: string) => (local ? new Date(local).toISOString() : "");
  $("publish-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}/publish`, "POST", undefined, "Published"),
  );
  $("unpublish-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}/unpublish`, "POST", undefined, "Unpublished"),
  );
  $("withdraw-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}`, "DELETE", undefined, "Withdrawn"),
  );
  $("schedule-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}/schedule`, "POST", { at: isoFromLocal(value("publish-at")) }, "Scheduled"),
  );
  $("embargo-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}/embargo`, "POST", { until: isoFromLocal(value("embargo-until")) }, "Embargoed"),
  );
  $("correction-button")?.addEventListener("click", () =>
    transition(`/api/articles/${id}/corrections`, "POST", { text: value("correction-text") }, "Correction added"),
  );

  // The browser's own "leave the page?" question while there are unsaved changes.
  window.addEventListener("beforeunload", (e) => {
    if (!dirty) return;
    e.preventDefault();
    e.returnValue = "";
  });
  void related.load();
  document.body.dataset.editorReady = "true";
}

const data = readData();
if (data) startEditor(data);
