import { ValidationError } from "../model/article.ts";
import type { EditorialDecision } from "../store/editorial-decisions.ts";
import type { Store } from "../store/store.ts";
import type { Actor } from "./actor.ts";
import { ENTITY_FIELDS } from "./apply-decisions.ts";
import { sanitizeArticleInput } from "./sanitize-input.ts";
import { actionWords, minimumRole, requireRole } from "./transitions.ts";
import { applyTransition, type WriteResult } from "./workflow.ts";

/**
 * A journalist's fixes to enrichment (a quote's speaker, a tag removed or added, two entities
 * merged) are stored as
 * decisions in their own table and applied after every automatic enrichment, so they win over it
 * and survive re-enrichment (an edit, or the enrichment job run again). Writing them is the
 * `enrichment-decisions` transition, so the table's roles apply (writers: drafts only).
 */

/** The decisions an article has, for the API and the desk. */
export function enrichmentDecisions(store: Store, articleId: string): Promise<EditorialDecision[]> {
  return store.editorialDecisions.decisionsFor(articleId);
}

function fieldIssue(path: string, message: string): ValidationError {
  return new ValidationError(`decision: ${path}: ${message}`, [{ path, message }]);
}

/** Validates one decision as sent by the desk or the API. */
export function parseDecision(input: unknown, actor: Actor, now: Date, path = ""): EditorialDecision {
  const d = (input ?? {}) as Record<string, unknown>;
  const at = (field: string) => (path ? `${path}.${field}` : field);
  if (d.kind !== "speaker" && d.kind !== "remove-tag" && d.kind !== "add-tag" && d.kind !== "merge")
    throw fieldIssue(at("kind"), "must be speaker, remove-tag, add-tag or merge");
  if (typeof d.subject !== "string" || !d.subject.trim() || d.subject.length > 4000)
    throw fieldIssue(at("subject"), "must be the quote's text (speaker) or person|organisation|place (tags)");
  if (d.kind !== "speaker" && !(d.subject in ENTITY_FIELDS))
    throw fieldIssue(at("subject"), "must be person, organisation or place");
  if (typeof d.value !== "string" || d.value.length > 200)
    throw fieldIssue(at("value"), "must be a name of at most 200 characters");
  // Names are plain text: the same sanitizer as every other article field.
  const plain = (text: string) => ((sanitizeArticleInput({ text }).value as { text: string }).text ?? "").trim();
  const value = plain(d.value);
  if (d.kind !== "speaker" && !value) throw fieldIssue(at("value"), "must not be empty");
  const decided = { subject: d.subject, value, decidedBy: actor.name, decidedAt: now.toISOString() };
  if (d.kind !== "merge") return { kind: d.kind, ...decided };
  // A merge names two entities of one kind: `from` is folded into `value`.
  if (typeof d.from !== "string" || d.from.length > 200)
    throw fieldIssue(at("from"), "must be the name of the entity merged into value (at most 200 characters)");
  const from = plain(d.from);
  if (!from) throw fieldIssue(at("from"), "must not be empty");
  if (from.toLocaleLowerCase() === value.toLocaleLowerCase())
    throw fieldIssue(at("from"), "must name another entity than value");
  return { kind: "merge", ...decided, from };
}

/** Records one decision and stores the article re-enriched with all its decisions (a new revision). */
export function setEnrichmentDecision(
  store: Store,
  actor: Actor,
  id: string,
  input: unknown,
  expectedRevision: number,
  now: Date,
): Promise<WriteResult> {
  requireRole(actor, minimumRole("enrichment-decisions"), actionWords("enrichment-decisions"));
  const decision = parseDecision(input, actor, now);
  return applyTransition(store, "enrichment-decisions", {
    actor,
    id,
    expectedRevision,
    now,
    params: { decisions: [decision] },
    detail: `${decision.kind} ${decision.subject.slice(0, 80)}: ${decision.value}`,
  });
}

/** The whole list of an article's decisions from a request body `{"decisions": [...]}`. */
export function decisionsBody(input: unknown, actor: Actor, now: Date): EditorialDecision[] {
  const list = (input as { decisions?: unknown } | null)?.decisions;
  if (!Array.isArray(list) || list.length > 500)
    throw fieldIssue("decisions", "must be an array of at most 500 decisions");
  return list.map((d, i) => parseDecision(d, actor, now, `decisions[${i}]`));
}
