import { sql } from "kysely";
import { type Article, entityTag } from "../model/article.ts";
import { decodeArticle, INDEXED_COLUMNS, indexedColumns } from "./articles.ts";
import { kyselyOf, nativeOf } from "./db.ts";
import type { Store } from "./store.ts";

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  checked: { articles: number; revisions: number };
}

/**
 * Checks a store. `quick` (run at server start) asks the engine whether its files are sound;
 * `full` (`newsdesk check`) also verifies every article against its rows: the revision row of its
 * current revision holds the same document, revisions are numbered 1..n, and the derived entity
 * and quote rows match the document.
 */
export async function checkStore(store: Store, mode: "quick" | "full"): Promise<IntegrityReport> {
  const problems: string[] = [];
  const sqlite = nativeOf(store).sqlite;
  if (sqlite) {
    const result = sqlite.pragma(mode === "quick" ? "quick_check" : "integrity_check") as Record<string, string>[];
    const messages = result.map((r) => Object.values(r)[0]).filter((m) => m !== "ok");
    problems.push(...messages.map((m) => `sqlite: ${m}`));
    if (mode === "full") {
      for (const row of sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]) {
        problems.push(`${row.table} row ${row.rowid}: refers to a missing ${row.parent} row`);
      }
      const { schemaProblems } = await import("./sqlite/schema-check.ts");
      problems.push(...(await schemaProblems(sqlite, "exact")).map((p) => `schema: ${p}`));
      try {
        sqlite.prepare("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')").run();
      } catch (error) {
        problems.push(`search index: ${(error as Error).message}`);
      }
    }
  } else {
    await sql`SELECT 1`.execute(kyselyOf(store));
  }
  const checked = { articles: 0, revisions: 0 };
  if (mode === "full") await checkRows(store, problems, checked);
  return { ok: problems.length === 0, problems, checked };
}

async function checkRows(store: Store, problems: string[], checked: IntegrityReport["checked"]): Promise<void> {
  const revisionStats = new Map<string, { n: number; max: number }>();
  for (const r of await kyselyOf(store)
    .selectFrom("revisions")
    .select((eb) => ["article_id", eb.fn.countAll<number>().as("n"), eb.fn.max("revision").as("max")])
    .groupBy("article_id")
    .execute()) {
    revisionStats.set(r.article_id, { n: Number(r.n), max: Number(r.max) });
    checked.revisions += Number(r.n);
  }
  const entityRows = new Map<string, Set<string>>();
  for (const e of await kyselyOf(store)
    .selectFrom("article_entities")
    .select(["article_id", "kind", "tag"])
    .execute()) {
    const set = entityRows.get(e.article_id) ?? new Set<string>();
    set.add(`${e.kind}:${e.tag}`);
    entityRows.set(e.article_id, set);
  }
  const quoteRows = new Map<string, number>();
  for (const q of await kyselyOf(store)
    .selectFrom("article_quotes")
    .select((eb) => ["article_id", eb.fn.countAll<number>().as("n")])
    .groupBy("article_id")
    .execute()) {
    quoteRows.set(q.article_id, Number(q.n));
  }
  const articleIds = new Set<string>();
  let after = "";
  for (;;) {
    const page = await kyselyOf(store)
      .selectFrom("articles")
      .leftJoin("revisions", (join) =>
        join.onRef("revisions.article_id", "=", "articles.id").onRef("revisions.revision", "=", "articles.revision"),
      )
      .select([
        "articles.id",
        "articles.revision",
        "articles.doc",
        "revisions.doc as revisionDoc",
        ...INDEXED_COLUMNS.map((c) => `articles.${c}` as const),
      ])
      .where("articles.id", ">", after)
      .orderBy("articles.id")
      .limit(500)
      .execute();
    for (const row of page) {
      checked.articles++;
      articleIds.add(row.id);
      const stats = revisionStats.get(row.id);
      if (!stats || stats.max !== Number(row.revision) || stats.n !== Number(row.revision)) {
        problems.push(
          `${row.id}: at revision ${row.revision} but has ${stats?.n ?? 0} revision rows up to ${stats?.max ?? 0}`,
        );
      }
      if (row.revisionDoc !== row.doc)
        problems.push(`${row.id}: revision ${row.revision} does not hold the current document`);
      let doc: Article;
      try {
        doc = decodeArticle(row.doc, row.id);
      } catch (error) {
        problems.push(`${row.id}: ${(error as Error).message}`);
        continue;
      }
      // The columns pages, listings and search read must say what the document says.
      const want = indexedColumns(doc);
      const differ = INDEXED_COLUMNS.filter((c) => (row[c] ?? null) !== (want[c] ?? null));
      if (differ.length > 0)
        problems.push(`${row.id}: the ${differ.join(", ")} column(s) differ from the stored document`);
      const quotes = quoteRows.get(row.id) ?? 0;
      if (quotes !== (doc.quotes?.length ?? 0))
        problems.push(`${row.id}: ${quotes} quote rows for ${doc.quotes?.length ?? 0} quotes`);
      const expected = new Set<string>();
      for (const [kind, list] of [
        ["person", doc.people],
        ["organisation", doc.organisations],
        ["place", doc.places],
      ] as const) {
        for (const e of list ?? []) if (entityTag(e.name)) expected.add(`${kind}:${entityTag(e.name)}`);
      }
      const actual = entityRows.get(row.id) ?? new Set<string>();
      if (actual.size !== expected.size || [...expected].some((k) => !actual.has(k))) {
        problems.push(
          `${row.id}: ${actual.size} entity rows do not match the ${expected.size} entities of the document`,
        );
      }
    }
    if (page.length < 500) break;
    after = page[page.length - 1].id;
  }
  for (const id of revisionStats.keys()) if (!articleIds.has(id)) problems.push(`revisions of ${id}: no such article`);
  for (const id of entityRows.keys()) if (!articleIds.has(id)) problems.push(`entity rows of ${id}: no such article`);
  for (const id of quoteRows.keys()) if (!articleIds.has(id)) problems.push(`quote rows of ${id}: no such article`);
}
