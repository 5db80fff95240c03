import { execFileSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL cluster the test creates and owns on its own port (never the machine's shared
 * server), so a test may stop and start it. Uses Debian's initdb and pg_ctl, run as the
 * `postgres` user because PostgreSQL refuses to run as root.
 */
export interface OwnPostgres {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

export const BIN = "/usr/lib/postgresql/15/bin";

/** Runs a PostgreSQL program as the `postgres` user (PostgreSQL refuses to run as root). */
export function asPostgres(args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [cmd, ...rest] = asRoot ? ["runuser", "-u", "postgres", "--", ...args] : args;
  execFileSync(cmd!, rest, { stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
}

/** A folder the `postgres` user may write (data directories, WAL archives). */
export function postgresOwnedDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** `settings` go into the cluster's postgresql.conf (e.g. WAL archiving). */
export function createOwnPostgres(settings: Record<string, string> = {}): OwnPostgres {
  if (!existsSync(join(BIN, "initdb"))) {
    throw new Error(`${BIN}/initdb is missing: install Debian's postgresql-15 to run the outage tests`);
  }
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-own-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  asPostgres([join(BIN, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const lines = Object.entries(settings).map(([k, v]) => `${k} = '${v.replaceAll("'", "''")}'\n`);
  if (lines.length > 0) appendFileSync(join(data, "postgresql.conf"), lines.join(""));
  const start = () =>
    asPostgres([
      join(BIN, "pg_ctl"),
      "-D",
      data,
      "-l",
      join(dir, "log"),
      "-w",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
  const stop = () => asPostgres([join(BIN, "pg_ctl"), "-D", data, "-w", "-m", "fast", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
