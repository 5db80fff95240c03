import { type Role, roleAtLeast } from "../auth/roles.ts";
import type { Article } from "../model/article.ts";
import type { Actor } from "./actor.ts";
import { ForbiddenError, StateError } from "./errors.ts";

export type Status = Article["status"];

/** Every editorial write; `scheduled-publish` is the scheduler's (audited as `publish`). */
export type Action =
  | "create"
  | "update"
  | "publish"
  | "unpublish"
  | "schedule"
  | "embargo"
  | "delete"
  | "restore"
  | "restore-revision"
  | "correction"
  | "enrichment-decisions"
  | "scheduled-publish";

/**
 * One permitted move: `role` may apply `action` to an article in a `from` status (`new`: it does
 * not exist yet), leaving it in `to`. `same` keeps the status; `previous` is the status before
 * the soft delete. An embargo in force holds a `published` target at `scheduled` until it lifts.
 */
export interface Transition {
  action: Action;
  role: Role;
  from: readonly (Status | "new")[];
  to: Status | "same" | "previous";
}

const LIVE_OR_NOT: readonly Status[] = ["draft", "scheduled", "published", "unpublished"];

export const TRANSITIONS: readonly Transition[] = [
  { action: "create", role: "writer", from: ["new"], to: "draft" },
  { action: "create", role: "editor", from: ["new"], to: "published" },
  { action: "update", role: "writer", from: ["draft", "unpublished"], to: "same" },
  { action: "update", role: "editor", from: ["scheduled", "published", "deleted"], to: "same" },
  { action: "publish", role: "editor", from: LIVE_OR_NOT, to: "published" },
  { action: "unpublish", role: "editor", from: LIVE_OR_NOT, to: "unpublished" },
  { action: "schedule", role: "editor", from: ["draft", "scheduled", "unpublished"], to: "scheduled" },
  { action: "embargo", role: "editor", from: ["published", "scheduled"], to: "scheduled" },
  { action: "embargo", role: "editor", from: ["draft", "unpublished"], to: "same" },
  { action: "delete", role: "editor", from: LIVE_OR_NOT, to: "deleted" },
  { action: "restore", role: "editor", from: ["deleted"], to: "previous" },
  { action: "restore-revision", role: "editor", from: LIVE_OR_NOT, to: "same" },
  { action: "correction", role: "editor", from: LIVE_OR_NOT, to: "same" },
  { action: "enrichment-decisions", role: "writer", from: ["draft", "unpublished"], to: "same" },
  { action: "enrichment-decisions", role: "editor", from: ["scheduled", "published"], to: "same" },
  { action: "scheduled-publish", role: "admin", from: ["scheduled"], to: "published" },
];

/** What the API says to a move the table does not allow from the article's status. */
function refusal(action: Action, from: Status | "new"): string {
  if (action === "create") return "a new article is draft or published; schedule it with /schedule";
  if (action === "delete") return "the article is already deleted";
  if (action === "restore") return "the article is not deleted";
  if (from === "deleted") return "the article is deleted; restore it first";
  if (action === "schedule" && from === "published") return "the article is already published; unpublish it first";
  return `cannot ${action} an article that is ${from}`;
}

/** The words a 403 uses: "<doing> needs the <role> role". */
const DOING: Record<Action, string> = {
  create: "creating an article",
  update: "editing an article",
  publish: "publishing",
  unpublish: "unpublishing",
  schedule: "scheduling",
  embargo: "setting an embargo",
  delete: "deleting",
  restore: "restoring",
  "restore-revision": "restoring a revision",
  correction: "adding a correction",
  "enrichment-decisions": "fixing enrichment",
  "scheduled-publish": "publishing on schedule",
};

/** The least role that can apply `action` from any status: routes refuse anyone below it up front. */
export function minimumRole(action: Action): Role {
  const roles = TRANSITIONS.filter((t) => t.action === action).map((t) => t.role);
  return roles.reduce((least, role) => (roleAtLeast(least, role) ? role : least));
}

export function actionWords(action: Action): string {
  return DOING[action];
}

/** The only role check of the workflow: 403 unless the actor's role reaches `needed`. */
export function requireRole(actor: Actor, needed: Role, doing: string): void {
  if (!roleAtLeast(actor.role, needed)) throw new ForbiddenError(`${doing} needs the ${needed} role`);
}

/**
 * The transition `actor` may take: 409 (StateError) when no row leaves `from` for `action`
 * (for `create`, towards `to`), 403 when the row needs a higher role.
 */
export function allowedTransition(actor: Actor, action: Action, from: Status | "new", to?: Status): Transition {
  const row = TRANSITIONS.find(
    (t) => t.action === action && t.from.includes(from) && (to === undefined || t.to === to),
  );
  if (!row) throw new StateError(refusal(action, from));
  const doing = action === "update" && from !== "new" && from !== "draft" ? `editing a ${from} article` : DOING[action];
  requireRole(actor, row.role, to === "published" && action === "create" ? "publishing" : doing);
  return row;
}

/** The status a transition leaves: `previous` is resolved by the caller from the history. */
export function targetStatus(row: Transition, current: Status, previous?: Status): Status {
  if (row.to === "same") return current;
  // A schedule does not survive a delete, so a restored scheduled article comes back a draft.
  if (row.to === "previous") return previous === undefined || previous === "scheduled" ? "draft" : previous;
  return row.to;
}
