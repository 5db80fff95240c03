import { namePhrases } from "../../src/enrich/related/text-features.ts";
import { entityTag, sectionSlug } from "../../src/model/article.ts";
import { kyselyOf } from "../../src/store/db.ts";
import type { SqliteStore } from "../../src/store/sqlite/open-sqlite.ts";
import type { Store } from "../../src/store/store.ts";
import { corpusPaths, readCorpusArticle } from "../related/corpus.ts";

/** A deterministic pseudo-random generator, so every run builds the same archive. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface ArchiveRow {
  id: string;
  slug: string;
  section: string;
  section_slug: string;
  headline: string;
  summary: string;
  status: string;
  language: string;
  first_published: string;
  updated: null;
  revision: number;
  content_hash: null;
  body_text: string;
  doc: string;
  created_at: string;
  modified_at: string;
  tags: string[];
}

interface Source {
  path: string;
  headline: string;
  section: string;
  paragraphs: string[];
  tags: string[];
}

function loadSources(exclude: Set<string>): Source[] {
  return corpusPaths()
    .filter((p) => !exclude.has(p))
    .map((path) => {
      const a = readCorpusArticle(path);
      const paragraphs = (a.blocks ?? []).map((b) => (b as { text: string }).text);
      const names = [...new Set(namePhrases(paragraphs.join("\n")))].slice(0, 3);
      return { path, headline: a.headline, section: a.section, paragraphs, tags: names.map((n) => entityTag(n)) };
    });
}

/**
 * Synthetic archive rows: the corpus imported again and again under new ids, each copy with its
 * paragraphs shuffled and a random date in 2004-2005. Copies share vocabulary with the corpus, so
 * term statistics are those of the corpus repeated, not of a real 100,000-article archive.
 */
export function* archiveRows(count: number, options: { seed?: number; exclude?: Set<string>; start?: number } = {}) {
  const sources = loadSources(options.exclude ?? new Set());
  const first = options.start ?? 0;
  const random = seeded((options.seed ?? 2005) + first);
  const start = Date.UTC(2004, 0, 1);
  const span = Date.UTC(2006, 0, 1) - start;
  const now = new Date().toISOString();
  for (let i = first; i < first + count; i++) {
    const src = sources[i % sources.length];
    const copy = Math.floor(i / sources.length);
    const paragraphs = [...src.paragraphs];
    if (copy > 0)
      for (let j = paragraphs.length - 1; j > 0; j--) {
        const k = Math.floor(random() * (j + 1));
        [paragraphs[j], paragraphs[k]] = [paragraphs[k], paragraphs[j]];
      }
    const id = `arc-${copy}-${src.path.replace(/\.txt$/, "").replace("/", "-")}`;
    const published = new Date(start + Math.floor(random() * span)).toISOString();
    const doc = {
      id,
      slug: id,
      section: src.section,
      headline: src.headline,
      firstPublished: published,
      status: "published",
      blocks: paragraphs.map((text) => ({ type: "paragraph", text })),
      origin: { format: "text", path: src.path },
    };
    const row: ArchiveRow = {
      id,
      slug: id,
      section: src.section,
      section_slug: sectionSlug(src.section),
      headline: src.headline,
      summary: "",
      status: "published",
      language: "en",
      first_published: published,
      updated: null,
      revision: 1,
      content_hash: null,
      body_text: paragraphs.join("\n"),
      doc: JSON.stringify(doc),
      created_at: now,
      modified_at: now,
      tags: src.tags,
    };
    yield row;
  }
}

const COLUMNS = [
  "id",
  "slug",
  "section",
  "section_slug",
  "headline",
  "summary",
  "status",
  "language",
  "first_published",
  "updated",
  "revision",
  "content_hash",
  "body_text",
  "doc",
  "created_at",
  "modified_at",
] as const;

/**
 * Bulk-inserts archive rows straight into the articles and article_entities tables (the FTS
 * index or tsvector column follows through the store's own triggers / generated column),
 * bypassing validation and revisions so 100,000 articles take minutes, not an hour.
 */
export async function bulkInsert(store: Store, rows: Iterable<ArchiveRow>, batch = 2000): Promise<number> {
  let n = 0;
  let pending: ArchiveRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const entities = pending.flatMap((r) =>
      r.tags.map((tag) => ({ article_id: r.id, kind: "person" as const, tag, name: tag, aliases: "[]" })),
    );
    if (store.engine === "sqlite") {
      const sqlite = (store as SqliteStore).sqlite;
      const insert = sqlite.prepare(
        `INSERT INTO articles (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")})`,
      );
      const tag = sqlite.prepare(
        "INSERT OR IGNORE INTO article_entities (article_id, kind, tag, name, aliases) VALUES (@article_id, @kind, @tag, @name, @aliases)",
      );
      sqlite.transaction(() => {
        for (const r of pending) insert.run(Object.fromEntries(COLUMNS.map((c) => [c, r[c]])));
        for (const e of entities) tag.run(e);
      })();
    } else {
      await kyselyOf(store)
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < pending.length; i += 500) {
            const part = pending.slice(i, i + 500).map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]])));
            await trx
              .insertInto("articles")
              .values(part as never)
              .execute();
          }
          for (let i = 0; i < entities.length; i += 1000)
            await trx
              .insertInto("article_entities")
              .values(entities.slice(i, i + 1000))
              .onConflict((oc) => oc.doNothing())
              .execute();
        });
    }
    n += pending.length;
    pending = [];
  };
  for (const r of rows) {
    pending.push(r);
    if (pending.length >= batch) await flush();
  }
  await flush();
  return n;
}
