import type { Kysely, Selectable, Transaction } from "kysely";
import type { AuditLogTable, Database } from "../store/schema.ts";
import type { Store } from "../store/store.ts";
import type { Actor } from "./actor.ts";

export type AuditEntry = Selectable<AuditLogTable>;

/** Records one write; called inside the write's own transaction so neither exists without the other. */
export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: { actor: Actor; action: string; target: string; revision?: number | null; detail?: string; at: Date },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: entry.at.toISOString(),
      actor: `${entry.actor.name} (${entry.actor.id})`,
      role: entry.actor.role,
      action: entry.action,
      target: entry.target,
      revision: entry.revision ?? null,
      address: entry.actor.address ?? null,
      detail: entry.detail ?? null,
    })
    .execute();
}

/** Newest first; for one target (article id or `token:<id>`) when given. */
export async function listAudit(
  store: Store,
  options: { target?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  let q = store.db.selectFrom("audit_log").selectAll();
  if (options.target) q = q.where("target", "=", options.target);
  const rows = await q
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), revision: r.revision === null ? null : Number(r.revision) }));
}
