import type { Selectable } from "kysely";
import type { Db } from "./db.ts";
import type { AuditLogTable } from "./schema.ts";
import type { Engine } from "./store.ts";

export type AuditEntry = Selectable<AuditLogTable>;

/** What an editorial write records: who (already formatted), what, when, which revision. */
export interface AuditRecord {
  at: Date;
  actor: string;
  role: string;
  action: string;
  /** An article id, or `token:<id>` for token management. */
  target: string;
  revision?: number | null;
  address?: string | null;
  detail?: string | null;
}

/** The audit log: one row per editorial write, recorded in the write's own transaction. */
export interface AuditRepository {
  record(entry: AuditRecord): Promise<void>;
  /** Newest first; for one target when given. */
  list(options?: { target?: string; limit?: number }): Promise<AuditEntry[]>;
  /** One article's rows for the given actions, oldest first. */
  history(articleId: string, actions: readonly string[]): Promise<AuditEntry[]>;
}

function numbered(r: AuditEntry): AuditEntry {
  return { ...r, id: Number(r.id), revision: r.revision === null ? null : Number(r.revision) };
}

export function auditRepository(db: Db, _engine: Engine): AuditRepository {
  return {
    async record(entry) {
      await db
        .insertInto("audit_log")
        .values({
          at: entry.at.toISOString(),
          actor: entry.actor,
          role: entry.role,
          action: entry.action,
          target: entry.target,
          revision: entry.revision ?? null,
          address: entry.address ?? null,
          detail: entry.detail ?? null,
        })
        .execute();
    },
    async list(options = {}) {
      let q = db.selectFrom("audit_log").selectAll();
      if (options.target) q = q.where("target", "=", options.target);
      const rows = await q
        .orderBy("id", "desc")
        .limit(options.limit ?? 100)
        .execute();
      // PostgreSQL returns bigint columns as strings.
      return rows.map(numbered);
    },
    async history(articleId, actions) {
      const rows = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("target", "=", articleId)
        .where("action", "in", [...actions])
        .orderBy("id", "asc")
        .execute();
      return rows.map(numbered);
    },
  };
}
