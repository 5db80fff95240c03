import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

export interface EditorialDecision {
  kind: "speaker" | "remove-tag" | "add-tag" | "merge";
  /** The quote's text (speaker), or the entity kind person|organisation|place (tags, merge). */
  subject: string;
  /** The speaker's name ("" for none), or the entity's name (for a merge, the name that stays). */
  value: string;
  /** merge: the entity folded into `value` (its name becomes an alias; its quotes move). */
  from?: string;
  decidedBy: string;
  decidedAt: string;
}

/** Journalists' fixes to enrichment, one table of their own (applied by src/editorial/enrichment-decisions.ts). */
export interface EditorialDecisionsRepository {
  decisionsFor(articleId: string): Promise<EditorialDecision[]>;
  /** Records a decision, replacing any earlier one it overrides (same quote; same entity either way; same merge). */
  recordDecision(articleId: string, decision: EditorialDecision): Promise<void>;
  /** Replaces every decision of an article (the API's PUT). */
  replaceDecisions(articleId: string, decisions: EditorialDecision[]): Promise<void>;
}

export function editorialDecisionsRepository(db: Db, _engine: Engine): EditorialDecisionsRepository {
  const insert = (articleId: string, d: EditorialDecision) =>
    db
      .insertInto("editorial_decisions")
      .values({
        article_id: articleId,
        kind: d.kind,
        subject: d.subject,
        value: d.value,
        merged: d.kind === "merge" ? (d.from ?? null) : null,
        decided_by: d.decidedBy,
        decided_at: d.decidedAt,
      })
      .execute();
  return {
    async decisionsFor(articleId) {
      const rows = await db
        .selectFrom("editorial_decisions")
        .select(["kind", "subject", "value", "merged", "decided_by", "decided_at"])
        .where("article_id", "=", articleId)
        .orderBy("id")
        .execute();
      return rows.map((r) => ({
        kind: r.kind as EditorialDecision["kind"],
        subject: r.subject,
        value: r.value,
        ...(r.merged === null ? {} : { from: r.merged }),
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
      }));
    },
    async recordDecision(articleId, d) {
      let q = db.deleteFrom("editorial_decisions").where("article_id", "=", articleId);
      q =
        d.kind === "speaker"
          ? q.where("kind", "=", "speaker").where("subject", "=", d.subject)
          : d.kind === "merge"
            ? q
                .where("kind", "=", "merge")
                .where("subject", "=", d.subject)
                .where("merged", "=", d.from ?? "")
            : q
                .where("kind", "in", ["add-tag", "remove-tag"])
                .where("subject", "=", d.subject)
                .where("value", "=", d.value);
      await q.execute();
      await insert(articleId, d);
    },
    async replaceDecisions(articleId, decisions) {
      await db.deleteFrom("editorial_decisions").where("article_id", "=", articleId).execute();
      for (const d of decisions) await insert(articleId, d);
    },
  };
}
