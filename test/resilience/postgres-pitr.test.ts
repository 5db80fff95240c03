import assert from "node:assert/strict";
import { appendFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import pg from "pg";
import { getArticle, saveArticle } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { asPostgres, BIN, createOwnPostgres, type OwnPostgres, postgresOwnedDir } from "../support/own-postgres.ts";

/**
 * PostgreSQL point-in-time recovery as the README documents it, on a cluster this test owns:
 * WAL archiving with archive_command, a base backup with pg_basebackup, more writes, then a new
 * cluster from the base backup that replays the archive up to a time between two writes.
 */
describe("PostgreSQL point-in-time recovery from archived WAL (issue 16, point 1)", () => {
  let primary: OwnPostgres | undefined;
  let store: Store | undefined;
  const work = postgresOwnedDir("newsdesk-pg-pitr-");
  const archive = join(work, "archive");
  const base = join(work, "base");
  const recoveredPort = 20_000 + Math.floor(Math.random() * 20_000);
  let recoveredStarted = false;

  after(async () => {
    await store?.close().catch(() => {});
    primary?.destroy();
    if (recoveredStarted) {
      try {
        asPostgres([join(BIN, "pg_ctl"), "-D", base, "-w", "-m", "immediate", "stop"]);
      } catch {}
    }
    rmSync(work, { recursive: true, force: true });
  });

  const story = (id: string) => ({
    id,
    slug: `pitr-${id}`,
    section: "World",
    headline: `Point in time ${id}`,
    blocks: [{ type: "paragraph", text: `Body of ${id}.` }],
  });

  test("a base backup plus the archive recovers to a time between two writes", { timeout: 300_000 }, async () => {
    asPostgres(["mkdir", archive]);
    primary = createOwnPostgres({
      wal_level: "replica",
      archive_mode: "on",
      archive_command: `test ! -f ${archive}/%f && cp %p ${archive}/%f`,
      archive_timeout: "60",
    });
    store = await openStore(primary.url);
    await saveArticle(store, story("a1"));

    asPostgres([
      join(BIN, "pg_basebackup"),
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      base,
      "-X",
      "stream",
      "--checkpoint=fast",
    ]);

    await saveArticle(store, story("b1"));
    // The target: the server's own clock after b1 committed and before c1.
    const db = kyselyOf(store);
    const target = (
      await sql<{
        t: string;
      }>`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' AS t`.execute(db)
    ).rows[0].t;
    await sleep(1100);
    await saveArticle(store, story("c1"));
    // Close the WAL segment holding c1 so archive_command ships it, and wait until it has.
    const segment = (await sql<{ f: string }>`SELECT pg_walfile_name(pg_switch_wal()) AS f`.execute(db)).rows[0].f;
    for (let i = 0; ; i++) {
      if (readdirSync(archive).includes(segment)) break;
      if (i > 600) throw new Error(`segment ${segment} was never archived`);
      await sleep(100);
    }
    await store.close();
    store = undefined;

    // A new cluster from the base backup, replaying the archive up to the target time.
    appendFileSync(
      join(base, "postgresql.auto.conf"),
      [
        `restore_command = 'cp ${archive}/%f %p'`,
        `recovery_target_time = '${target}'`,
        "recovery_target_action = 'promote'",
        "archive_mode = 'off'",
        "",
      ].join("\n"),
    );
    asPostgres(["touch", join(base, "recovery.signal")]);
    asPostgres([
      join(BIN, "pg_ctl"),
      "-D",
      base,
      "-l",
      join(work, "recovered.log"),
      "-w",
      "-o",
      `-p ${recoveredPort} -k ${work} -c listen_addresses=127.0.0.1`,
      "start",
    ]);
    recoveredStarted = true;
    const url = `postgres://postgres@127.0.0.1:${recoveredPort}/postgres`;
    for (let i = 0; ; i++) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query("SELECT pg_is_in_recovery() AS r");
      await client.end();
      if (!rows[0].r) break;
      if (i > 600) throw new Error("the recovered cluster never left recovery");
      await sleep(100);
    }
    const recovered = await openStore(url);
    try {
      assert.ok(await getArticle(recovered, "a1"), "a1: in the base backup");
      assert.ok(await getArticle(recovered, "b1"), "b1: replayed from the archive, before the target");
      assert.equal(await getArticle(recovered, "c1"), null, "c1: after the target time");
    } finally {
      await recovered.close();
    }
  });
});
