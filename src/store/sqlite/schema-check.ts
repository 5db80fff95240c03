import type Database from "better-sqlite3";

/**
 * Compares a SQLite file's schema with the one this version's migrations build, so a restore or
 * `check` notices a file from another program, a newer version, or one carrying its own triggers
 * or views (a trigger can rewrite every later write, and nothing else would show it).
 */

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
  columns: string[];
}

export type SqliteSchema = Map<string, SchemaObject>;

function normalise(sql: string | null): string {
  return (sql ?? "").replace(/\s+/g, " ").replace(/"/g, "").trim();
}

export function readSqliteSchema(db: Database.Database): SqliteSchema {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { type: string; name: string; sql: string | null }[];
  const schema: SqliteSchema = new Map();
  for (const row of rows) {
    const columns =
      row.type === "table"
        ? (
            db.prepare("SELECT name, type FROM pragma_table_info(?)").all(row.name) as { name: string; type: string }[]
          ).map((c) => `${c.name} ${c.type.toLowerCase()}`)
        : [];
    schema.set(`${row.type} ${row.name}`, { type: row.type, name: row.name, sql: normalise(row.sql), columns });
  }
  return schema;
}

let reference: Promise<{ schema: SqliteSchema; migrations: string[] }> | undefined;

/** The schema a fresh store gets from this version's migrations (built once, in memory). */
export function referenceSchema(): Promise<{ schema: SqliteSchema; migrations: string[] }> {
  reference ??= (async () => {
    const { openSqliteStore } = await import("./open-sqlite.ts");
    const { migrate, knownMigrations } = await import("../migrate.ts");
    const store = await openSqliteStore(":memory:");
    try {
      await migrate(store);
      return { schema: readSqliteSchema(store.sqlite), migrations: knownMigrations() };
    } finally {
      await store.close();
    }
  })();
  return reference;
}

/**
 * What is wrong with `actual` against this version's schema. `partial` accepts a store older
 * than this version (objects and columns missing, which migrating adds); nothing unknown is
 * accepted either way, and triggers and views must be exactly Newsdesk's own.
 */
export async function schemaProblems(db: Database.Database, mode: "partial" | "exact"): Promise<string[]> {
  const { schema: expected, migrations } = await referenceSchema();
  const actual = readSqliteSchema(db);
  const problems: string[] = [];
  const hasMigrations = actual.has("table schema_migrations");
  if (hasMigrations) {
    const applied = (db.prepare("SELECT name FROM schema_migrations").all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((m) => !migrations.includes(m));
    if (unknown.length > 0)
      problems.push(`migrations unknown to this version of Newsdesk: ${unknown.join(", ")} (made by a newer version?)`);
    if (mode === "exact") {
      const missing = migrations.filter((m) => !applied.includes(m));
      if (missing.length > 0) problems.push(`migrations not applied: ${missing.join(", ")}`);
    }
  } else if (mode === "exact" || actual.size > 0) {
    problems.push("no schema_migrations table: not a store written by Newsdesk");
  }
  for (const [key, object] of actual) {
    const want = expected.get(key);
    if (!want) {
      problems.push(`unknown ${object.type} ${object.name}: not part of Newsdesk's schema`);
      continue;
    }
    if (object.type === "table") {
      const extra = object.columns.filter((c) => !want.columns.includes(c));
      const missing = want.columns.filter((c) => !object.columns.includes(c));
      if (extra.length > 0) problems.push(`table ${object.name}: unknown columns ${extra.join(", ")}`);
      if (mode === "exact" && missing.length > 0)
        problems.push(`table ${object.name}: missing columns ${missing.join(", ")}`);
    } else if (object.sql !== want.sql) {
      problems.push(`${object.type} ${object.name} differs from Newsdesk's own: ${object.sql.slice(0, 160)}`);
    }
  }
  if (mode === "exact") {
    for (const [key, object] of expected) if (!actual.has(key)) problems.push(`missing ${object.type} ${object.name}`);
  }
  return problems;
}
