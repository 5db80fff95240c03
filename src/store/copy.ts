import { type Kysely, sql, type Transaction } from "kysely";
import { kyselyOf } from "./db.ts";
import type { Database } from "./schema.ts";
import { type Store, StoreError } from "./store.ts";

// Tables are copied whatever features added them, so rows are handled untyped here.
type AnyDb = Kysely<Database> | Transaction<Database>;
type Row = Record<string, unknown>;

interface Column {
  name: string;
  /** Declared type, lower case: decides how a value crosses engines. */
  type: string;
}

interface TableInfo {
  name: string;
  /** Columns that accept values (generated ones are computed by the target itself). */
  columns: Column[];
  primaryKey: string[];
  /** Tables this one references, so they are filled first. */
  references: string[];
  /** PostgreSQL identity or serial columns whose sequence must move past the copied ids. */
  sequences: string[];
}

export interface CopyReport {
  tables: { name: string; rows: number }[];
  /** Tables only one side has (engine-specific indexes such as FTS5 shadow tables are never listed). */
  skipped: string[];
}

const NOT_COPIED = new Set(["schema_migrations"]);

async function sqliteTables(db: AnyDb): Promise<TableInfo[]> {
  const { rows: tables } = await sql<{ name: string; sql: string | null }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db);
  // FTS5 and other virtual tables are indexes the target's own triggers rebuild, as are their shadow tables.
  const virtual = tables.filter((t) => /^\s*CREATE\s+VIRTUAL/i.test(t.sql ?? "")).map((t) => t.name);
  const result: TableInfo[] = [];
  for (const { name } of tables) {
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const { rows: cols } = await sql<{ name: string; type: string; pk: number; hidden: number }>`
      SELECT name, type, pk, hidden FROM pragma_table_xinfo(${name})`.execute(db);
    const { rows: fks } = await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${name})`.execute(
      db,
    );
    result.push({
      name,
      // hidden 2 and 3 are generated columns.
      columns: cols.filter((c) => c.hidden === 0).map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      primaryKey: cols
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(fks.map((f) => f.table))].filter((t) => t !== name),
      sequences: [],
    });
  }
  return result;
}

async function postgresTables(db: AnyDb): Promise<TableInfo[]> {
  const { rows: cols } = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_generated: string;
    is_identity: string;
    column_default: string | null;
  }>`SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity, c.column_default
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const { rows: keys } = await sql<{ table_name: string; column_name: string; kind: string; ref: string | null }>`
    SELECT cl.relname AS table_name, a.attname AS column_name, co.contype AS kind, rf.relname AS ref
    FROM pg_constraint co
    JOIN pg_class cl ON cl.oid = co.conrelid
    JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
    JOIN LATERAL unnest(co.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
    JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum = k.attnum
    LEFT JOIN pg_class rf ON rf.oid = co.confrelid
    WHERE co.contype IN ('p', 'f')
    ORDER BY cl.relname, k.ord`.execute(db);
  const byTable = new Map<string, TableInfo>();
  for (const c of cols) {
    let t = byTable.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], primaryKey: [], references: [], sequences: [] };
      byTable.set(c.table_name, t);
    }
    if (c.is_generated === "ALWAYS") continue;
    t.columns.push({ name: c.column_name, type: c.data_type.toLowerCase() });
    if (c.is_identity === "YES" || /^nextval\(/.test(c.column_default ?? "")) t.sequences.push(c.column_name);
  }
  for (const k of keys) {
    const t = byTable.get(k.table_name);
    if (!t) continue;
    if (k.kind === "p") t.primaryKey.push(k.column_name);
    else if (k.ref && k.ref !== t.name && !t.references.includes(k.ref)) t.references.push(k.ref);
  }
  return [...byTable.values()];
}

function tablesOf(store: Store, db: AnyDb): Promise<TableInfo[]> {
  return store.engine === "postgres" ? postgresTables(db) : sqliteTables(db);
}

/** Referenced tables before the tables that reference them. */
function fillOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (t: TableInfo) => {
    if (state.get(t.name)) return;
    state.set(t.name, "visiting");
    for (const ref of t.references) {
      const r = byName.get(ref);
      if (r) visit(r);
    }
    state.set(t.name, "done");
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return ordered;
}

/** A value read from one engine, as the other engine's column expects it. */
function convert(value: unknown, column: Column, target: Store): unknown {
  if (value === null || value === undefined) return null;
  if (target.engine === "postgres") {
    if (column.type === "boolean") return Boolean(value);
    if ((column.type === "json" || column.type === "jsonb") && typeof value !== "string") return JSON.stringify(value);
    return value;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

async function countRows(db: AnyDb, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0].n);
}

/** Reads a table in primary-key order, a page at a time, so large tables need not fit in memory. */
async function* readTable(db: AnyDb, table: TableInfo, pageSize: number): AsyncGenerator<Row[]> {
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
  const orderBy = sql.join(order.map((c) => sql.ref(c)));
  if (table.primaryKey.length === 0) {
    for (let offset = 0; ; offset += pageSize) {
      const { rows } = await sql<Row>`SELECT ${columns} FROM ${sql.table(table.name)}
        ORDER BY ${orderBy} LIMIT ${pageSize} OFFSET ${offset}`.execute(db);
      if (rows.length > 0) yield rows;
      if (rows.length < pageSize) return;
    }
  }
  let after: unknown[] | null = null;
  for (;;) {
    const where: ReturnType<typeof sql> =
      after === null ? sql`` : sql`WHERE (${orderBy}) > (${sql.join(after.map((v) => sql`${v}`))})`;
    const { rows }: { rows: Row[] } = await sql<Row>`SELECT ${columns} FROM ${sql.table(table.name)} ${where}
      ORDER BY ${orderBy} LIMIT ${pageSize}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = table.primaryKey.map((c) => last[c]);
  }
}

async function appliedMigrations(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Copies a whole store into an empty one of either engine: every article with all its revisions,
 * the derived rows and every other table, in one transaction on the target. Row counts are checked
 * table by table before it commits; any difference, or a target that already holds rows, stops
 * the copy with nothing written.
 */
export async function copyStore(
  source: Store,
  target: Store,
  onProgress?: (table: string, rows: number) => void,
): Promise<CopyReport> {
  const read =
    source.engine === "postgres"
      ? kyselyOf(source).transaction().setIsolationLevel("repeatable read")
      : kyselyOf(source).transaction();
  return read.execute(async (src) =>
    kyselyOf(target)
      .transaction()
      .execute(async (dst) => {
        const targetMigrations = new Set(await appliedMigrations(dst));
        const newer = (await appliedMigrations(src)).filter((name) => !targetMigrations.has(name));
        if (newer.length > 0)
          throw new StoreError(
            `${source.location} has migrations this version does not know (${newer.join(", ")}); upgrade Newsdesk first`,
          );
        const sourceTables = new Map((await tablesOf(source, src)).map((t) => [t.name, t]));
        const targetTables = await tablesOf(target, dst);
        const targetNames = new Set(targetTables.map((t) => t.name));
        const skipped = [...sourceTables.keys()].filter((n) => !targetNames.has(n) && !NOT_COPIED.has(n)).sort();
        const tables = fillOrder(targetTables.filter((t) => sourceTables.has(t.name) && !NOT_COPIED.has(t.name)));
        skipped.push(...targetTables.filter((t) => !sourceTables.has(t.name)).map((t) => t.name));

        for (const t of tables) {
          const n = await countRows(dst, t.name);
          if (n > 0)
            throw new StoreError(
              `${target.location} is not empty (${t.name} has ${n} row${n === 1 ? "" : "s"}); copy into a new, empty database`,
            );
        }

        const report: CopyReport = { tables: [], skipped };
        for (const t of tables) {
          const from = sourceTables.get(t.name)!;
          const fromNames = new Set(from.columns.map((c) => c.name));
          // Columns only the target has keep their defaults.
          const columns = t.columns.filter((c) => fromNames.has(c.name));
          const readInfo = { ...from, columns, primaryKey: from.primaryKey.length ? from.primaryKey : t.primaryKey };
          // Bound parameters: SQLite allows 32766 per statement, PostgreSQL 65535.
          const perInsert = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
          let copied = 0;
          for await (const page of readTable(src, readInfo, Math.min(2000, perInsert))) {
            const values = page.map((row) => {
              const out: Row = {};
              for (const c of columns) out[c.name] = convert(row[c.name], c, target);
              return out;
            });
            await (dst as unknown as Kysely<Record<string, Row>>)
              .insertInto(t.name)
              .values(values as never)
              .execute();
            copied += page.length;
            onProgress?.(t.name, copied);
          }
          const expected = await countRows(src, t.name);
          const written = await countRows(dst, t.name);
          if (written !== expected || copied !== expected)
            throw new StoreError(
              `${t.name}: ${expected} rows in ${source.location} but ${written} copied; nothing was written`,
            );
          if (target.engine === "postgres")
            for (const c of t.sequences)
              await sql`SELECT setval(pg_get_serial_sequence(${t.name}, ${c}), coalesce(max(${sql.ref(c)}), 0) + 1, false)
              FROM ${sql.table(t.name)}`.execute(dst);
          report.tables.push({ name: t.name, rows: expected });
        }
        return report;
      }),
  );
}
