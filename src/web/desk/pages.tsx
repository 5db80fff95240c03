/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { User } from "../../auth/users.ts";
import type { Change } from "../../editorial/diff.ts";
import type { HistoryEvent } from "../../editorial/workflow.ts";
import type { Article } from "../../model/article.ts";
import type { RevisionInfo } from "../../store/articles.ts";
import type { DeskStory, DeskStoryFilter } from "../../store/desk-stories.ts";

/** The desk's own pages: its own stylesheet and script, nothing shared with reader pages. */
export const DESK_STATUSES = ["draft", "scheduled", "published", "unpublished", "deleted"] as const;
const STATUS_LABELS: Record<string, string> = {
  draft: "Draft",
  scheduled: "Scheduled / embargoed",
  published: "Published",
  unpublished: "Unpublished",
  deleted: "Withdrawn",
};

/** Number inputs for percentages of an image (crop, focal point), each with its visible label. */
function PercentInputs({ fields }: { fields: [id: string, label: string][] }) {
  return (
    <div class="desk-numbers">
      {fields.map(([id, label]) => (
        <span>
          <label for={id}>{`${label} (%)`}</label>
          <input id={id} type="number" min={0} max={100} step="any" inputmode="decimal" />
        </span>
      ))}
    </div>
  );
}

export function DeskLayout(props: { title: string; user?: User; csrf?: string; script?: boolean; children: Child }) {
  return (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} — Newsdesk desk`}</title>
        <link rel="stylesheet" href="/desk/assets/desk.css" />
        {props.script ? <script type="module" src="/desk/assets/desk.js" /> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <header class="desk-header">
          <a class="desk-brand" href="/desk">
            Newsdesk desk
          </a>
          {props.user ? (
            <nav aria-label="Account">
              <span>
                {props.user.name} ({props.user.role})
              </span>
              <form method="post" action="/desk/logout">
                <input type="hidden" name="csrf" value={props.csrf} />
                <button type="submit">Sign out</button>
              </form>
              <form method="post" action="/desk/logout-everywhere">
                <input type="hidden" name="csrf" value={props.csrf} />
                <button type="submit">Sign out everywhere</button>
              </form>
            </nav>
          ) : null}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}

export function LoginPage(props: {
  csrf: string;
  error?: string;
  email?: string;
  action?: string;
  linkSignIn?: boolean;
}) {
  return (
    <DeskLayout title="Sign in">
      <h1>Sign in to the desk</h1>
      {props.error ? (
        <p class="desk-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action={props.action ?? "/desk/login"} class="desk-login">
        <input type="hidden" name="csrf" value={props.csrf} />
        {props.linkSignIn ? (
          <p>This one-time link signs you in once. Choose a password next.</p>
        ) : (
          <>
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} />
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </>
        )}
        <button type="submit">Sign in</button>
      </form>
    </DeskLayout>
  );
}

export function PasswordPage(props: { user: User; csrf: string; error?: string }) {
  return (
    <DeskLayout title="Set your password" user={props.user} csrf={props.csrf}>
      <h1>Set your password</h1>
      {props.error ? (
        <p class="desk-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/desk/password" class="desk-login">
        <input type="hidden" name="csrf" value={props.csrf} />
        <label for="new-password">New password</label>
        <input id="new-password" name="password" type="password" autocomplete="new-password" minlength={10} required />
        <button type="submit">Set password</button>
      </form>
    </DeskLayout>
  );
}

function Select(props: { id: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">Any</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </>
  );
}

export function StoryListPage(props: {
  user: User;
  csrf: string;
  stories: DeskStory[];
  filter: DeskStoryFilter;
  sections: string[];
  authors: string[];
}) {
  const { filter } = props;
  return (
    <DeskLayout title="Stories" user={props.user} csrf={props.csrf}>
      <h1>Stories</h1>
      <p>
        <a class="desk-button" href="/desk/stories/new">
          New story
        </a>
      </p>
      <form method="get" action="/desk" class="desk-filters" aria-label="Filter stories">
        <Select
          id="status"
          label="Status"
          value={filter.status}
          options={DESK_STATUSES.map((s) => [s, STATUS_LABELS[s]])}
        />
        <Select id="section" label="Section" value={filter.section} options={props.sections.map((s) => [s, s])} />
        <Select id="author" label="Author" value={filter.author} options={props.authors.map((a) => [a, a])} />
        <label for="q">Search</label>
        <input id="q" name="q" type="search" value={filter.search ?? ""} />
        <button type="submit">Filter</button>
      </form>
      <table class="desk-stories">
        <caption>{`${props.stories.length} ${props.stories.length === 1 ? "story" : "stories"}`}</caption>
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Author</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {props.stories.map((s) => (
            <tr>
              <td>
                <a href={`/desk/stories/${s.id}`}>{s.headline}</a>
              </td>
              <td>{STATUS_LABELS[s.status] ?? s.status}</td>
              <td>{s.section}</td>
              <td>{s.author ?? ""}</td>
              <td>
                <time datetime={s.lastChange}>{s.lastChange.slice(0, 16).replace("T", " ")}</time>
                {s.lastChangeBy ? ` by ${s.lastChangeBy}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </DeskLayout>
  );
}

/** JSON for a <script type="application/json">: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export interface EnrichmentView {
  people: string[];
  organisations: string[];
  places: string[];
  quotes: { text: string; speaker: string | null }[];
}

function EnrichmentPanel(props: { id: string; csrf: string; view: EnrichmentView }) {
  const { view, id, csrf } = props;
  const kinds = [
    ["person", "People", view.people],
    ["organisation", "Organisations", view.organisations],
    ["place", "Places", view.places],
  ] as const;
  return (
    <section aria-labelledby="enrichment-heading" class="desk-panel">
      <h2 id="enrichment-heading">Enrichment</h2>
      <p>Found in the saved story. Your fixes are kept when the story is enriched again.</p>
      {kinds.map(([kind, title, names]) => (
        <>
          <h3>{title}</h3>
          <ul>
            {names.map((name) => (
              <li>
                {name}{" "}
                <form method="post" action={`/desk/stories/${id}/decisions`} class="desk-inline">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="kind" value="remove-tag" />
                  <input type="hidden" name="subject" value={kind} />
                  <input type="hidden" name="value" value={name} />
                  <button type="submit" aria-label={`Remove tag ${name}`}>
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ))}
      <form method="post" action={`/desk/stories/${id}/decisions`}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="kind" value="add-tag" />
        <label for="tag-kind">Tag kind</label>
        <select id="tag-kind" name="subject">
          <option value="person">Person</option>
          <option value="organisation">Organisation</option>
          <option value="place">Place</option>
        </select>
        <label for="tag-name">Tag name</label>
        <input id="tag-name" name="value" required />
        <button type="submit">Add tag</button>
      </form>
      <h3>Quotes</h3>
      <ol>
        {view.quotes.map((q, i) => (
          <li>
            <blockquote>{q.text}</blockquote>
            <form method="post" action={`/desk/stories/${id}/decisions`}>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="kind" value="speaker" />
              <input type="hidden" name="subject" value={q.text} />
              <label for={`speaker-${i}`}>{`Speaker of quote ${i + 1}`}</label>
              <input id={`speaker-${i}`} name="value" value={q.speaker ?? ""} />
              <button type="submit" aria-label={`Fix speaker of quote ${i + 1}`}>
                Fix speaker
              </button>
            </form>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Related stories: filled and driven by the desk script through /api/articles/:id/related. */
function RelatedPanel(props: { hidden?: boolean }) {
  return (
    <section aria-labelledby="related-heading" class="desk-panel" data-needs-story hidden={props.hidden}>
      <h2 id="related-heading" tabindex={-1}>
        Related stories
      </h2>
      <p>Shown under the story as “More on this story”: pinned stories first, excluded ones never.</p>
      <h3 id="related-shown-heading">Shown now</h3>
      <ul id="related-shown" aria-labelledby="related-shown-heading" />
      <h3 id="related-excluded-heading">Excluded</h3>
      <ul id="related-excluded" aria-labelledby="related-excluded-heading" />
      <label for="related-query">Find a story to pin</label>
      <input id="related-query" type="search" />
      <button type="button" id="related-find-button">
        Find
      </button>
      <ul id="related-found" aria-label="Stories found" />
      <p id="related-status" role="status" />
    </section>
  );
}

export function EditorPage(props: {
  user: User;
  csrf: string;
  id: string | null;
  revision: number;
  article: Article | null;
  autosaveMs: number;
  sections: string[];
  enrichment: EnrichmentView | null;
}) {
  const { article, user } = props;
  const isEditor = user.role === "editor" || user.role === "admin";
  const data = {
    id: props.id,
    revision: props.revision,
    article,
    role: user.role,
    csrf: props.csrf,
    autosaveMs: props.autosaveMs,
  };
  const hidden = props.id ? undefined : true;
  return (
    <DeskLayout title={article?.headline ?? "New story"} user={user} csrf={props.csrf} script>
      <h1>{article ? "Edit story" : "New story"}</h1>
      <p>
        Status: <strong id="story-status">{article?.status ?? "new"}</strong>
        {" · "}
        <a
          href={props.id ? `/desk/stories/${props.id}/preview` : "#"}
          data-story-link="preview"
          data-needs-story
          hidden={hidden}
        >
          Preview
        </a>
        {" · "}
        <a
          href={props.id ? `/desk/stories/${props.id}/history` : "#"}
          data-story-link="history"
          data-needs-story
          hidden={hidden}
        >
          History
        </a>
      </p>
      <form id="story-form" class="desk-editor" aria-label="Story" novalidate>
        <label for="headline">Headline</label>
        <input id="headline" name="headline" required value={article?.headline ?? ""} />
        <label for="summary">Summary</label>
        <textarea id="summary" name="summary" rows={3}>
          {article?.summary ?? ""}
        </textarea>
        <label for="section">Section</label>
        <input id="section" name="section" list="section-list" required value={article?.section ?? ""} />
        <datalist id="section-list">
          {props.sections.map((s) => (
            <option value={s} />
          ))}
        </datalist>
        <label for="byline">Byline</label>
        <input
          id="byline"
          name="byline"
          aria-describedby="byline-help"
          value={(article?.byline ?? [{ name: user.name }]).map((p) => p.name).join("; ")}
        />
        <p id="byline-help" class="desk-help">
          Names separated by semicolons.
        </p>
        <label for="slug">Slug</label>
        <input id="slug" name="slug" aria-describedby="slug-help" value={article?.slug ?? ""} />
        <p id="slug-help" class="desk-help">
          The story's address; made from the headline when empty.
        </p>
        <div role="toolbar" aria-label="Formatting" class="desk-toolbar">
          <button type="button" id="paragraph-button">
            Paragraph
          </button>
          <button type="button" id="crosshead-button">
            Crosshead
          </button>
          <button type="button" id="quote-button">
            Quote
          </button>
          <button type="button" id="bullet-list-button">
            Bulleted list
          </button>
          <button type="button" id="ordered-list-button">
            Numbered list
          </button>
          <button type="button" id="bold-button">
            Bold
          </button>
          <button type="button" id="italic-button">
            Italic
          </button>
        </div>
        <div class="desk-toolbar">
          <label for="quote-speaker">Quote speaker</label>
          <input id="quote-speaker" />
          <label for="link-href">Link address</label>
          <input id="link-href" type="url" />
          <button type="button" id="link-button">
            Link
          </button>
        </div>
        <div id="body-editor" class="desk-body-frame" />
        <fieldset class="desk-upload">
          <legend>Add an image</legend>
          <label for="image-file">Image file</label>
          <input id="image-file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" />
          <label for="image-alt">Alt text</label>
          <input id="image-alt" />
          <label for="image-caption">Caption</label>
          <input id="image-caption" />
          <label for="image-credit">Credit</label>
          <input id="image-credit" />
          <button type="button" id="upload-button">
            Upload image
          </button>
          <p id="upload-status" role="status" />
        </fieldset>
        <fieldset id="placed-images" class="desk-upload" hidden>
          <legend>Placed images</legend>
          <label for="placed-image">Image to edit</label>
          <select id="placed-image" />
          <img id="placed-preview" class="desk-preview" alt="" />
          <label for="placed-alt">Placed image alt text</label>
          <input id="placed-alt" />
          <label for="placed-caption">Placed image caption</label>
          <input id="placed-caption" />
          <label for="placed-credit">Placed image credit</label>
          <input id="placed-credit" />
          <fieldset>
            <legend>Crop, in % of the original (empty: the whole image)</legend>
            <PercentInputs
              fields={[
                ["crop-x", "Crop left"],
                ["crop-y", "Crop top"],
                ["crop-width", "Crop width"],
                ["crop-height", "Crop height"],
              ]}
            />
          </fieldset>
          <fieldset>
            <legend>Focal point, kept in view on social cards (lead image)</legend>
            <p class="desk-help">In % of the image as shown; clicking the preview fills them in.</p>
            <PercentInputs
              fields={[
                ["focal-x", "Focal point across"],
                ["focal-y", "Focal point down"],
              ]}
            />
          </fieldset>
          <button type="button" id="placed-update-button">
            Update image
          </button>
          <p id="placed-status" role="status" />
        </fieldset>
        <p>
          <button type="button" id="save-button">
            Save
          </button>
          <span id="unsaved-changes" class="desk-unsaved" hidden>
            Unsaved changes
          </span>
        </p>
        <p id="save-status" role="status" aria-live="polite" />
      </form>
      <section id="conflict" aria-labelledby="conflict-heading" class="desk-panel desk-conflict" hidden>
        <h2 id="conflict-heading">Someone else changed this story</h2>
        <h3>Their changes</h3>
        <div id="conflict-theirs" />
        <h3>Your unsaved changes</h3>
        <div id="conflict-mine" />
        <button type="button" id="merge-button">
          Merge my changes
        </button>
        <button type="button" id="reload-button">
          Reload their version
        </button>
      </section>
      {isEditor ? (
        <section aria-labelledby="workflow-heading" class="desk-panel" data-needs-story hidden={hidden}>
          <h2 id="workflow-heading">Publishing</h2>
          <p>
            <button type="button" id="publish-button">
              Publish
            </button>{" "}
            <button type="button" id="unpublish-button">
              Unpublish
            </button>{" "}
            <button type="button" id="withdraw-button">
              Withdraw
            </button>
          </p>
          <p>
            <label for="publish-at">Publish at</label>
            <input id="publish-at" type="datetime-local" />
            <button type="button" id="schedule-button">
              Schedule
            </button>
          </p>
          <p>
            <label for="embargo-until">Embargo until</label>
            <input id="embargo-until" type="datetime-local" />
            <button type="button" id="embargo-button">
              Embargo
            </button>
          </p>
          <p>
            <label for="correction-text">Correction</label>
            <textarea id="correction-text" rows={2} />
            <button type="button" id="correction-button">
              Add correction
            </button>
          </p>
        </section>
      ) : null}
      <RelatedPanel hidden={hidden} />
      {props.id && props.enrichment ? (
        <EnrichmentPanel id={props.id} csrf={props.csrf} view={props.enrichment} />
      ) : null}
      <script type="application/json" id="desk-data">
        {raw(scriptJson(data))}
      </script>
    </DeskLayout>
  );
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return "(nothing)";
  if (typeof value === "string") return `“${value}”`;
  if (typeof value === "object" && value && "text" in value) return describe((value as { text: unknown }).text);
  return JSON.stringify(value);
}

export function HistoryPage(props: {
  user: User;
  csrf: string;
  id: string;
  headline: string;
  revisions: (RevisionInfo & { changes: Change[] })[];
  events: HistoryEvent[];
}) {
  const canRestore = props.user.role !== "writer";
  return (
    <DeskLayout title={`History: ${props.headline}`} user={props.user} csrf={props.csrf}>
      <h1>History: {props.headline}</h1>
      <p>
        <a href={`/desk/stories/${props.id}`}>Back to the story</a>
      </p>
      <section aria-labelledby="publishing-heading" class="desk-panel">
        <h2 id="publishing-heading">Publishing history</h2>
        <ol aria-label="Publishing history">
          {props.events.map((e) => (
            <li>
              <time datetime={e.at}>{e.at.slice(0, 19).replace("T", " ")}</time> {e.action}
              {e.revision !== null ? ` (revision ${e.revision})` : ""} by {e.actor}
              {e.detail ? `: ${e.detail}` : ""}
            </li>
          ))}
        </ol>
      </section>
      <ol class="desk-history" reversed>
        {props.revisions.map((r) => (
          <li>
            <h2>{`Revision ${r.revision}`}</h2>
            <p>
              {r.message ?? "change"} by {r.author ?? "unknown"} at{" "}
              <time datetime={r.createdAt}>{r.createdAt.slice(0, 19).replace("T", " ")}</time>
            </p>
            <ul aria-label={`Changes in revision ${r.revision}`}>
              {r.changes.map((c) => (
                <li>
                  <code>{c.path}</code>{" "}
                  {c.op === "changed"
                    ? `changed from ${describe(c.from)} to ${describe(c.to)}`
                    : c.op === "added"
                      ? `added: ${describe(c.to)}`
                      : `removed: ${describe(c.from)}`}
                </li>
              ))}
            </ul>
            {canRestore ? (
              <form method="post" action={`/desk/stories/${props.id}/revisions/${r.revision}/restore`}>
                <input type="hidden" name="csrf" value={props.csrf} />
                <button type="submit">{`Restore revision ${r.revision}`}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </DeskLayout>
  );
}

export function DeskMessagePage(props: { title: string; message: string; user?: User; csrf?: string }) {
  return (
    <DeskLayout title={props.title} user={props.user} csrf={props.csrf}>
      <h1>{props.title}</h1>
      <p role="alert">{props.message}</p>
      <p>
        <a href="/desk">Back to the stories</a>
      </p>
    </DeskLayout>
  );
}
