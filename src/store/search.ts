import { type RawBuilder, sql } from "kysely";
import { entityTag, sectionSlug } from "../model/article.ts";
import type { Db } from "./db.ts";
import { NO_RUM_ENV } from "./migrations/0050_search_rum.ts";
import type { Engine, Repositories } from "./store.ts";

export interface SearchQuery {
  q: string;
  section?: string;
  /** An entity tag slug, e.g. `david-cameron`, optionally limited by kind. */
  tag?: string;
  tagKind?: "person" | "organisation" | "place";
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
  /** HTML-escaped text with matches wrapped in <mark>. */
  snippet: string;
  score: number;
}

export interface SearchResult {
  /** Matches counted, or beyond SEARCH_COUNT_CAP on PostgreSQL the planner's estimate ("about …"). */
  total: number;
  /** False when `total` is an estimate. */
  totalExact: boolean;
  hits: SearchHit[];
}

/** A query the user can fix (unbalanced quote, too long, …): a 400 on the web, one line on the CLI. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchQueryError";
  }
}

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_WORDS = 32;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
export const MAX_SEARCH_OFFSET = 10_000;
/** PostgreSQL counts matches up to this many; past it the total is the planner's estimate. */
export const SEARCH_COUNT_CAP = 1000;
/** Without RUM, PostgreSQL ranks only this many newest matches: ranking reads each one's tsvector. */
export const GIN_RANK_CANDIDATES = 500;
/** bm25 weights of headline, summary and body in FTS5: a headline match counts most. */
export const FTS5_COLUMN_WEIGHTS = [10, 4, 1] as const;

/**
 * A user's query reduced to plain words: each group is one word or a "quoted phrase" (words in
 * order). Only letters and digits survive, so no engine operator, column filter, prefix star or
 * quote from the user ever reaches FTS5 or PostgreSQL; the engine query is built from these groups.
 */
export interface ParsedQuery {
  include: string[][];
  exclude: string[][];
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
}

/** Parses terms, "phrases" and -exclusions; throws SearchQueryError for what the user should fix. */
export function parseSearchQuery(q: string): ParsedQuery {
  if (typeof q !== "string") throw new SearchQueryError("the query must be text");
  if (q.length > MAX_QUERY_LENGTH)
    throw new SearchQueryError(`the query is too long: ${q.length} characters (at most ${MAX_QUERY_LENGTH})`);
  const text = q.replace(/[“”„‟″]/g, '"');
  const include: string[][] = [];
  const exclude: string[][] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const negated = text[i] === "-" && i + 1 < text.length && !/\s/.test(text[i + 1]);
    if (negated) i++;
    let chunk: string;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) throw new SearchQueryError('unbalanced quote: close the phrase with a second "');
      chunk = text.slice(i + 1, close);
      i = close + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/.test(text[end]) && text[end] !== '"') end++;
      chunk = text.slice(i, end);
      i = end;
    }
    // A hyphenated or dotted token ("e-mail", "U.S.") is kept as a phrase of its parts.
    const group = wordsOf(chunk);
    if (group.length > 0) (negated ? exclude : include).push(group);
  }
  const count = [...include, ...exclude].reduce((n, g) => n + g.length, 0);
  if (count > MAX_QUERY_WORDS)
    throw new SearchQueryError(`the query has too many words: ${count} (at most ${MAX_QUERY_WORDS})`);
  if (include.length === 0) {
    throw new SearchQueryError(
      exclude.length > 0
        ? "the query only excludes words: add a word to search for"
        : "the query is empty: type a word to search for",
    );
  }
  return { include, exclude };
}

/** The FTS5 MATCH expression: every group as a quoted string, which FTS5 reads as a phrase, never as syntax. */
export function fts5Expression(parsed: ParsedQuery): string {
  const phrase = (g: string[]) => `"${g.join(" ")}"`;
  const positive = `(${parsed.include.map(phrase).join(" AND ")})`;
  return parsed.exclude.reduce((expr, g) => `${expr} NOT ${phrase(g)}`, positive);
}

/** The PostgreSQL tsquery, composed from bound phrases; websearch syntax (or, -) never sees user text. */
function pgTsquery(parsed: ParsedQuery): RawBuilder<unknown> {
  const part = (g: string[]) => sql`phraseto_tsquery('english', ${g.join(" ")})`;
  const parts = [...parsed.include.map(part), ...parsed.exclude.map((g) => sql`!!${part(g)}`)];
  return sql`(${sql.join(parts, sql` && `)})`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new SearchQueryError(`${name} must be a date such as 2005-03-31, not "${value.slice(0, 40)}"`);
  return value;
}

function checkInt(name: string, value: number | undefined, fallback: number, max: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max)
    throw new SearchQueryError(`${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const START = "\u0001";
const STOP = "\u0002";

/** Escapes the engine's snippet for HTML, then turns its sentinel markers into <mark>. */
export function snippetHtml(raw: string | null): string {
  return (
    (raw ?? "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\u0001/g, "<mark>")
      .replace(/\u0002/g, "</mark>")
      // Blocks are stored one a line: keep the break visible, or a caption runs into the next
      // paragraph ("council chamber Plans for 640 homes").
      .replace(/[ \t]*\n\s*/g, " · ")
      .replace(/\s+/g, " ")
      .replace(/^ · | · $/g, "")
      .trim()
  );
}

interface Filters {
  section?: string;
  tag?: string;
  tagKind?: string;
  from?: string;
  toExclusive?: string;
}

/**
 * Filters on the article. On SQLite they read the narrow search_filters rows (migration 0021)
 * rather than the wide articles rows, so the FTS match drives the query and each match costs
 * little to check; on PostgreSQL they read the articles row the tsvector lives in.
 */
function filterSql(f: Filters, engine: Engine): RawBuilder<unknown> {
  const sqlite = engine === "sqlite";
  const col = (name: "section_slug" | "first_published") => sql.raw(sqlite ? `+m.${name}` : `a.${name}`);
  const parts: RawBuilder<unknown>[] = [sqlite ? sql`+m.published = 1` : sql`a.status = 'published'`];
  const articleId = sql.raw(sqlite ? "m.article_id" : "a.id");
  if (f.section) parts.push(sql`${col("section_slug")} = ${f.section}`);
  // The tagged articles are looked up once (index from migration 0022), not once per match.
  if (f.tag)
    parts.push(
      f.tagKind
        ? sql`${articleId} IN (SELECT e.article_id FROM article_entities e WHERE e.tag = ${f.tag} AND e.kind = ${f.tagKind})`
        : sql`${articleId} IN (SELECT e.article_id FROM article_entities e WHERE e.tag = ${f.tag})`,
    );
  if (f.from) parts.push(sql`${col("first_published")} >= ${f.from}`);
  if (f.toExclusive) parts.push(sql`${col("first_published")} < ${f.toExclusive}`);
  return sql.join(parts, sql` AND `);
}

interface HitRow {
  id: string;
  slug: string;
  headline: string;
  section: string;
  section_slug: string;
  first_published: string | null;
  score: number | string;
  snippet?: string | null;
}

function toHit(r: HitRow, snippet: string | null | undefined): SearchHit {
  return {
    id: r.id,
    slug: r.slug,
    headline: r.headline,
    section: r.section,
    sectionSlug: r.section_slug,
    firstPublished: r.first_published,
    snippet: snippetHtml(snippet ?? null),
    score: Number(r.score),
  };
}

async function searchSqlite(db: Db, parsed: ParsedQuery, f: Filters, limit: number, offset: number) {
  const match = fts5Expression(parsed);
  const [h, s, b] = FTS5_COLUMN_WEIGHTS;
  const rank = sql`bm25(article_fts, ${sql.lit(h)}, ${sql.lit(s)}, ${sql.lit(b)})`;
  const where = filterSql(f, "sqlite");
  const from = sql`article_fts JOIN search_filters m ON m.rowid = article_fts.rowid`;
  const countRow = await sql<{ n: number }>`SELECT count(*) AS n FROM ${from}
    WHERE article_fts MATCH ${match} AND ${where}`.execute(db);
  const total = Number(countRow.rows[0]?.n ?? 0);
  if (total === 0 || offset >= total) return { total, totalExact: true, hits: [] };
  // Rank on the narrow rows first; the wide articles rows are read for the page only. Ties go to
  // the later-stored article (higher rowid), which costs nothing to read.
  const ranked = await sql<{ rowid: number; score: number; first_published: string | null }>`SELECT
      m.rowid AS rowid, -${rank} AS score, m.first_published AS first_published
    FROM ${from} WHERE article_fts MATCH ${match} AND ${where}
    ORDER BY ${rank}, m.rowid DESC
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const rowids = ranked.rows.map((r) => Number(r.rowid));
  if (rowids.length === 0) return { total, totalExact: true, hits: [] };
  const details = await sql<HitRow & { rowid: number }>`SELECT rowid, id, slug, headline, section, section_slug,
      first_published FROM articles WHERE rowid IN (${sql.join(rowids)})`.execute(db);
  const byRowid = new Map(details.rows.map((r) => [Number(r.rowid), r]));
  const page = {
    rows: ranked.rows.flatMap((r) => {
      const d = byRowid.get(Number(r.rowid));
      return d ? [{ ...d, score: r.score }] : [];
    }),
  };
  // Snippets only for the page: computing them inside the ranked query would build one per match.
  const snippets = new Map<number, string>();
  if (rowids.length > 0) {
    const snips = await sql<{ rowid: number; body: string; summary: string }>`SELECT rowid,
        snippet(article_fts, 2, ${START}, ${STOP}, '…', 30) AS body,
        snippet(article_fts, 1, ${START}, ${STOP}, '…', 30) AS summary
      FROM article_fts WHERE article_fts MATCH ${match} AND rowid IN (${sql.join(rowids)})`.execute(db);
    for (const r of snips.rows)
      snippets.set(Number(r.rowid), r.body.includes(START) || !r.summary ? r.body : r.summary);
  }
  return { total, totalExact: true, hits: page.rows.map((r) => toHit(r, snippets.get(Number(r.rowid)))) };
}

/**
 * Counts matches up to SEARCH_COUNT_CAP, so a common word costs a bounded scan; past the cap the
 * total is the planner's row estimate (never below the counted rows), as large engines say "about".
 */
async function pgTotal(db: Db, query: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  const counted = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM articles a
    WHERE a.search @@ ${query} AND ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) capped`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  if (n <= SEARCH_COUNT_CAP) return { total: n, totalExact: true };
  const plan = await sql<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>`EXPLAIN (FORMAT JSON)
    SELECT 1 FROM articles a WHERE a.search @@ ${query} AND ${where}`.execute(db);
  const estimate = Math.round(Number(plan.rows[0]?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0));
  return { total: Math.max(n, estimate), totalExact: false };
}

/**
 * One page of ranked ids. With RUM the index yields matches in rank order (`<=>` is 1 / ts_rank),
 * so only the page is read; a tie-break column after it would make PostgreSQL read and sort every
 * match again, so ties stay in index order. Without it, ranking would read every match's tsvector: the newest
 * GIN_RANK_CANDIDATES matches (a cheap heap read, no tsvector) are ranked with ts_rank instead.
 * Both rank with ts_rank's default weights, headline A 1.0, summary B 0.4, body C 0.2 (migration 0001).
 */
function pgRankedIds(
  rum: boolean,
  query: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  limit: number,
  offset: number,
) {
  if (rum)
    return sql<{ id: string; first_published: string | null; score: number }>`SELECT a.id, a.first_published,
        1 / (a.search <=> ${query}) AS score
      FROM articles a WHERE a.search @@ ${query} AND ${where}
      ORDER BY a.search <=> ${query}
      LIMIT ${limit} OFFSET ${offset}`;
  return sql<{ id: string; first_published: string | null; score: number }>`WITH candidates AS MATERIALIZED (
      SELECT a.id FROM articles a WHERE a.search @@ ${query} AND ${where}
      ORDER BY a.first_published DESC NULLS LAST, a.id LIMIT ${Math.max(GIN_RANK_CANDIDATES, limit + offset)})
    SELECT a.id, a.first_published, ts_rank(a.search, ${query}) AS score
    FROM candidates c JOIN articles a ON a.id = c.id
    ORDER BY score DESC, a.first_published DESC NULLS LAST, a.id
    LIMIT ${limit} OFFSET ${offset}`;
}

async function searchPostgres(
  db: Db,
  rum: boolean,
  parsed: ParsedQuery,
  f: Filters,
  limit: number,
  offset: number,
): Promise<SearchResult> {
  const query = pgTsquery(parsed);
  const where = filterSql(f, "postgres");
  // The tsquery is written out in place, not read from a CTE, so the planner sees the words and
  // estimates their matches (a filter on a rare tag is then driven by the tag, not the text).
  const [counted, ranked] = await Promise.all([
    pgTotal(db, query, where),
    pgRankedIds(rum, query, where, limit, offset).execute(db),
  ]);
  const ids = ranked.rows.map((r) => r.id);
  if (ids.length === 0) return { ...counted, hits: [] };
  // Snippets and the wide columns for the page only.
  const details = await sql<HitRow>`SELECT a.id, a.slug, a.headline, a.section, a.section_slug, a.first_published,
      0 AS score,
      ts_headline('english', CASE WHEN a.body_text <> '' THEN a.body_text ELSE a.summary END, ${query},
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) AS snippet
    FROM articles a WHERE a.id IN (${sql.join(ids)})`.execute(db);
  const byId = new Map(details.rows.map((r) => [r.id, r]));
  const hits = ranked.rows.flatMap((r) => {
    const d = byId.get(r.id);
    return d ? [toHit({ ...d, score: r.score }, d.snippet)] : [];
  });
  // A page past a capped count: what was ranked proves at least offset + hits matches.
  const total = Math.max(counted.total, offset + hits.length);
  return { total, totalExact: counted.totalExact && total === counted.total, hits };
}

/** Whether this database has the RUM index (migration 0050), unless NEWSDESK_SEARCH_NO_RUM=1 forces GIN. */
async function hasRumIndex(db: Db): Promise<boolean> {
  if (process.env[NO_RUM_ENV] === "1") return false;
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes
    WHERE indexname = 'articles_search_rum' AND schemaname = current_schema()`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}

/** "1 result", "734 results", or for an estimate "about 12,000 results" (two significant figures). */
export function resultCountText(result: Pick<SearchResult, "total" | "totalExact">): string {
  if (result.totalExact) return `${result.total.toLocaleString("en-GB")} result${result.total === 1 ? "" : "s"}`;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, result.total))) - 1);
  return `about ${(Math.round(result.total / magnitude) * magnitude).toLocaleString("en-GB")} results`;
}

export interface SearchRepository {
  /** Full-text search with the store's own engine (FTS5 or PostgreSQL text search). */
  articles(query: SearchQuery): Promise<SearchResult>;
}

export function searchRepository(db: Db, engine: Engine): SearchRepository {
  if (engine === "sqlite") return { articles: async (query) => searchSqlite(db, ...checkQuery(query)) };
  // Looked up once per store; a failed look-up is retried on the next search.
  let rum: Promise<boolean> | undefined;
  return {
    articles: async (query) => {
      const checked = checkQuery(query);
      rum ??= hasRumIndex(db).catch((e) => {
        rum = undefined;
        throw e;
      });
      return searchPostgres(db, await rum, ...checked);
    },
  };
}

/** Full-text search with the store's own engine (FTS5 or PostgreSQL text search). */
export function searchArticles(store: Repositories, query: SearchQuery): Promise<SearchResult> {
  return store.search.articles(query);
}

function checkQuery(query: SearchQuery): [ParsedQuery, Filters, number, number] {
  const parsed = parseSearchQuery(query.q);
  const from = checkDate("from", query.from);
  const to = checkDate("to", query.to);
  if (from && to && from > to) throw new SearchQueryError(`from (${from}) is after to (${to})`);
  if (query.tagKind && !["person", "organisation", "place"].includes(query.tagKind))
    throw new SearchQueryError("tag kind must be person, organisation or place");
  const limit = checkInt("limit", query.limit, DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, 1);
  const offset = checkInt("offset", query.offset, 0, MAX_SEARCH_OFFSET, 0);
  const filters: Filters = {
    section: query.section ? sectionSlug(query.section) : undefined,
    tag: query.tag?.trim() ? entityTag(query.tag) : undefined,
    tagKind: query.tagKind,
    from,
    toExclusive: to ? nextDay(to) : undefined,
  };
  return [parsed, filters, limit, offset];
}
