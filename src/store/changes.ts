import { sql } from "kysely";
import type { Db, Native } from "./db.ts";
import type { Engine, Repositories } from "./store.ts";

/** One stored write to an article, whichever process made it. */
export interface ArticleChange {
  id: string;
  /** Section slug after the write. */
  section: string;
  /** Section slug before the write when it moved (its pages changed too). */
  oldSection?: string | null;
  revision: number;
}

export interface ChangeFeedEvents {
  onChange(changes: ArticleChange[]): void;
  /** Notifications may have been missed (connection dropped): drop everything cached. */
  onResync?(): void;
  /** The feed lost its connection (PostgreSQL); onResync follows once it is back. */
  onDisconnect?(): void;
}

export interface ChangeFeed {
  close(): Promise<void>;
}

/** The channel the articles trigger (migration 0031) notifies on. */
export const ARTICLES_CHANNEL = "newsdesk_articles";

/** What changed since a point in time, with the entity tags of each article (for surrogate keys). */
export interface ChangedArticle {
  id: string;
  sectionSlug: string;
  tags: { kind: string; tag: string }[];
}

/** One aggregate read of what the render cache's freshness depends on. */
export interface ChangeSnapshot {
  /** Newest modified_at of any article. */
  latest: string | null;
  count: number;
  /** The related_overrides table's row count and newest time: moves when an editor pins or excludes. */
  overrides: string;
}

export interface ChangeRepository {
  /**
   * Calls back for every new revision of any article written by any process against this store:
   * PostgreSQL LISTEN/NOTIFY (a trigger on articles, so every writer notifies); on SQLite, polling
   * cheap counters and then articles modified since the last look.
   */
  watch(events: ChangeFeedEvents, options?: { pollMs?: number }): Promise<ChangeFeed>;
  /**
   * A token read in microseconds that moves whenever anything commits, from this connection or
   * another process (SQLite's total_changes() and data_version); null where the engine has none
   * (PostgreSQL: its change feed stands in). While this connection is inside a transaction the
   * token moves on every call, so callers fall back to a full probe.
   */
  readonly version: (() => string) | null;
  snapshot(): Promise<ChangeSnapshot>;
  /** Articles modified after `from` (an ISO time), with their entity tags. */
  changedSince(from: string): Promise<ChangedArticle[]>;
  /** The entity tags of these articles. */
  tagsOf(ids: string[]): Promise<{ article_id: string; kind: string; tag: string }[]>;
}

export function changeRepository(db: Db, engine: Engine, native: Native = {}): ChangeRepository {
  return {
    watch: (events, options = {}) =>
      engine === "postgres" ? watchPostgres(native, events) : watchSqlite(db, native, events, options.pollMs ?? 200),
    version: engine === "sqlite" && native.sqlite ? sqliteVersion(native.sqlite) : null,
    async snapshot() {
      const row = await db
        .selectFrom("articles")
        .select((eb) => [
          eb.fn.max("modified_at").as("latest"),
          eb.fn.countAll<number>().as("n"),
          // In the same round trip: PostgreSQL runs this probe for every request.
          eb
            .selectFrom("related_overrides")
            .select((o) => o.fn.countAll<number>().as("n"))
            .as("overrides"),
          eb
            .selectFrom("related_overrides")
            .select((o) => o.fn.max("created_at").as("m"))
            .as("overridesLatest"),
        ])
        .executeTakeFirstOrThrow();
      return {
        latest: (row.latest as string | null) ?? null,
        count: Number(row.n),
        overrides: `${Number(row.overrides)}/${row.overridesLatest ?? ""}`,
      };
    },
    async changedSince(from) {
      const changed = await db
        .selectFrom("articles")
        .select(["id", "section_slug"])
        .where("modified_at", ">", from)
        .execute();
      if (changed.length === 0) return [];
      const tags = await tagsOf(
        db,
        changed.map((c) => c.id),
      );
      return changed.map((c) => ({
        id: c.id,
        sectionSlug: c.section_slug,
        tags: tags.filter((t) => t.article_id === c.id),
      }));
    },
    tagsOf: (ids) => tagsOf(db, ids),
  };
}

async function tagsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("article_entities")
    .select(["article_id", "kind", "tag"])
    .where("article_id", "in", ids)
    .execute();
}

function sqliteVersion(sqlite: NonNullable<Native["sqlite"]>): () => string {
  const statement = sqlite.prepare("SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v");
  let unique = 0;
  return () => {
    if (sqlite.inTransaction) return `busy-${unique++}`;
    const row = statement.get() as { t: number; v: number };
    return `${row.t}/${row.v}`;
  };
}

/** Calls back for every new revision of any article, from any process (see ChangeRepository.watch). */
export function watchArticleChanges(
  store: Repositories,
  events: ChangeFeedEvents,
  options: { pollMs?: number } = {},
): Promise<ChangeFeed> {
  return store.changes.watch(events, options);
}

async function watchPostgres(native: Native, events: ChangeFeedEvents): Promise<ChangeFeed> {
  if (!native.listen) throw new Error("this PostgreSQL store cannot LISTEN");
  // Notifications of one transaction arrive together; hand them over in one call.
  let pending: ArticleChange[] = [];
  const flush = () => {
    const changes = pending;
    pending = [];
    if (changes.length > 0) events.onChange(changes);
  };
  return native.listen([ARTICLES_CHANNEL], {
    onNotify(_channel, payload) {
      try {
        const p: ArticleChange = JSON.parse(payload);
        if (pending.length === 0) setImmediate(flush);
        pending.push({
          id: p.id,
          section: p.section,
          oldSection: p.oldSection && p.oldSection !== p.section ? p.oldSection : null,
          revision: Number(p.revision),
        });
      } catch {
        events.onResync?.();
      }
    },
    onReconnect: () => events.onResync?.(),
    onDisconnect: () => events.onDisconnect?.(),
  });
}

async function watchSqlite(db: Db, native: Native, events: ChangeFeedEvents, pollMs: number): Promise<ChangeFeed> {
  const sqlite = native.sqlite;
  if (!sqlite) throw new Error("this SQLite store has no connection to watch");
  // data_version moves when another connection commits; total_changes when this one writes.
  const counters = () =>
    `${sqlite.pragma("data_version", { simple: true })}:${sqlite.prepare("SELECT total_changes()").pluck().get()}`;
  const latest = async () =>
    (await sql<{ m: string | null }>`SELECT max(modified_at) AS m FROM articles`.execute(db)).rows[0]?.m ?? "";
  let seen = counters();
  let since = await latest();
  // Writers' clocks may tie: revisions already reported at `since` are not reported again.
  let reportedAtSince = new Set<string>();
  let closed = false;
  let busy = false;

  const poll = async () => {
    if (closed || busy) return;
    const now = counters();
    if (now === seen) return;
    busy = true;
    try {
      seen = now;
      const rows = await db
        .selectFrom("articles")
        .select(["id", "section_slug", "revision", "modified_at"])
        .where("modified_at", ">=", since)
        .orderBy("modified_at")
        .execute();
      const fresh = rows.filter((r) => !(r.modified_at === since && reportedAtSince.has(`${r.id}@${r.revision}`)));
      if (rows.length > 0) {
        const last = rows[rows.length - 1].modified_at;
        if (last !== since) reportedAtSince = new Set();
        since = last;
        for (const r of rows) if (r.modified_at === since) reportedAtSince.add(`${r.id}@${r.revision}`);
      }
      if (fresh.length > 0)
        events.onChange(fresh.map((r) => ({ id: r.id, section: r.section_slug, revision: r.revision })));
    } catch {
      events.onResync?.();
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(poll, pollMs);
  timer.unref();
  return {
    async close() {
      closed = true;
      clearInterval(timer);
    },
  };
}
