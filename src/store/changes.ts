import { sql } from "kysely";
import type { PostgresStore } from "./postgres/open-postgres.ts";
import type { SqliteStore } from "./sqlite/open-sqlite.ts";
import type { Store } from "./store.ts";

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

/**
 * Calls back for every new revision of any article written by any process against this store:
 * PostgreSQL LISTEN/NOTIFY (a trigger on articles, so every writer notifies); on SQLite, polling
 * cheap counters and then articles modified since the last look.
 */
export async function watchArticleChanges(
  store: Store,
  events: ChangeFeedEvents,
  options: { pollMs?: number } = {},
): Promise<ChangeFeed> {
  if (store.engine === "postgres") return watchPostgres(store as PostgresStore, events);
  return watchSqlite(store as SqliteStore, events, options.pollMs ?? 200);
}

async function watchPostgres(store: PostgresStore, events: ChangeFeedEvents): Promise<ChangeFeed> {
  const { listenOn } = await import("./postgres/listen.ts");
  // Notifications of one transaction arrive together; hand them over in one call.
  let pending: ArticleChange[] = [];
  const flush = () => {
    const changes = pending;
    pending = [];
    if (changes.length > 0) events.onChange(changes);
  };
  return listenOn(store, [ARTICLES_CHANNEL], {
    onNotify(_channel, payload) {
      try {
        const p = JSON.parse(payload) as ArticleChange;
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

async function watchSqlite(store: SqliteStore, events: ChangeFeedEvents, pollMs: number): Promise<ChangeFeed> {
  // data_version moves when another connection commits; total_changes when this one writes.
  const counters = () =>
    `${store.sqlite.pragma("data_version", { simple: true })}:${store.sqlite.prepare("SELECT total_changes()").pluck().get()}`;
  const latest = async () =>
    (await sql<{ m: string | null }>`SELECT max(modified_at) AS m FROM articles`.execute(store.db)).rows[0]?.m ?? "";
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
      const rows = await store.db
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
