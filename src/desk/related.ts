/**
 * The related-stories panel: what the site shows under the story, and the editors' pins and
 * exclusions, all through /api/articles/:id/related (the same routes a machine would use).
 */
interface Related {
  id: string;
  headline: string;
  pinned: boolean;
}
interface Choices {
  related: Related[];
  choices: { id: string; action: "pin" | "exclude"; headline: string }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function startRelatedPanel(storyId: () => string | null, csrf: string): { load(): Promise<void> } {
  const shown = $("related-shown");
  const excluded = $("related-excluded");
  const found = $("related-found");
  const status = $("related-status");
  const query = $<HTMLInputElement>("related-query");
  if (!shown || !excluded || !found || !status || !query) return { load: async () => {} };
  const say = (text: string) => {
    status.textContent = text;
  };

  const item = (headline: string, note: string, buttons: [string, string, () => void][]) => {
    const li = document.createElement("li");
    li.append(`${headline}${note}`);
    for (const [text, label, run] of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.setAttribute("aria-label", label);
      button.addEventListener("click", run);
      li.append(" ", button);
    }
    return li;
  };
  const empty = (text: string) => {
    const li = document.createElement("li");
    li.textContent = text;
    return li;
  };

  const render = (data: Choices) => {
    shown.replaceChildren(
      ...data.related.map((r) =>
        item(r.headline, r.pinned ? " (pinned)" : "", [
          ...(r.pinned
            ? [["Unpin", `Unpin “${r.headline}”`, () => choose(r.id, null, `Unpinned “${r.headline}”`)]]
            : []),
          ["Exclude", `Exclude “${r.headline}”`, () => choose(r.id, "exclude", `Excluded “${r.headline}”`)],
        ] as [string, string, () => void][]),
      ),
    );
    if (!data.related.length) shown.append(empty("None yet"));
    const out = data.choices.filter((c) => c.action === "exclude");
    excluded.replaceChildren(
      ...out.map((c) =>
        item(c.headline, "", [
          ["Allow again", `Allow again “${c.headline}”`, () => choose(c.id, null, `“${c.headline}” allowed again`)],
        ]),
      ),
    );
    if (!out.length) excluded.append(empty("None"));
  };

  const request = async (method: string, path: string, body?: unknown): Promise<Choices | null> => {
    const headers: Record<string, string> = { "X-CSRF-Token": csrf };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const json = (await response.json().catch(() => ({}))) as Choices & { error?: { message?: string } };
    if (!response.ok) {
      say(`Not done: ${json.error?.message ?? response.statusText}`);
      return null;
    }
    return json;
  };

  const choose = async (other: string, action: "pin" | "exclude" | null, done: string) => {
    const id = storyId();
    if (!id) return;
    const path = `/api/articles/${id}/related/${encodeURIComponent(other)}`;
    const data = action ? await request("PUT", path, { action }) : await request("DELETE", path);
    if (!data) return;
    render(data);
    say(done);
    // The button pressed is gone with the old list: keep the keyboard user in the panel.
    $("related-heading")?.focus();
  };

  const find = async () => {
    const id = storyId();
    const q = query.value.trim();
    if (!id || !q) return;
    const response = await fetch(`/api/search?${new URLSearchParams({ q, limit: "8" })}`);
    const body = (await response.json().catch(() => ({}))) as {
      items?: { id: string; headline: string }[];
      error?: { message?: string };
    };
    if (!response.ok) {
      say(`Not found: ${body.error?.message ?? response.statusText}`);
      return;
    }
    const items = (body.items ?? []).filter((h) => h.id !== id);
    found.replaceChildren(
      ...items.map((h) =>
        item(h.headline, "", [
          [
            "Pin",
            `Pin “${h.headline}”`,
            async () => {
              await choose(h.id, "pin", `Pinned “${h.headline}”`);
              found.replaceChildren();
            },
          ],
        ]),
      ),
    );
    say(items.length ? `${items.length} found` : "No published story matches");
  };
  $("related-find-button")?.addEventListener("click", () => void find());
  query.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      void find();
    }
  });

  return {
    async load() {
      const id = storyId();
      if (!id) return;
      const data = await request("GET", `/api/articles/${id}/related`);
      if (data) render(data);
    },
  };
}
