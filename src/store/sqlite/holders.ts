import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { StoreError } from "../store.ts";

/**
 * Who has a SQLite store open. Node cannot take fcntl locks, so every process that opens a store
 * registers itself in `<db>.holders/` (pid, start time, command) and `restore` writes
 * `<db>.restoring` first; each side writes its own mark before looking for the other's, so an open
 * racing a restore is always seen by one of them. Marks of dead processes are ignored and removed;
 * on Linux `/proc/<pid>/fd` also finds processes that opened the file without registering.
 */

export interface Holder {
  pid: number;
  command: string;
}

interface Mark extends Holder {
  /** /proc/<pid>/stat's start time, so a reused pid is not taken for the holder. */
  started: string | null;
}

let counter = 0;
const heldFiles = new Set<string>();
let exitHook = false;

function holdersDir(path: string): string {
  return `${path}.holders`;
}

function restoringMark(path: string): string {
  return `${path}.restoring-lock`;
}

function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 counts from after the command name, which may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    const words = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    if (words.length > 0) return words.join(" ").slice(0, 200);
  } catch {}
  return pid === process.pid ? process.argv.join(" ").slice(0, 200) : "unknown command";
}

function alive(mark: Mark): boolean {
  try {
    process.kill(mark.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startTime(mark.pid);
  return mark.started === null || now === null || now === mark.started;
}

function readMark(file: string): Mark | null {
  try {
    const mark = JSON.parse(readFileSync(file, "utf8")) as Mark;
    return typeof mark.pid === "number" ? mark : null;
  } catch {
    return null;
  }
}

function ownMark(): Mark {
  return { pid: process.pid, command: commandOf(process.pid), started: startTime(process.pid) };
}

function describe(holders: Holder[]): string {
  return holders.map((h) => `pid ${h.pid} (${h.command})`).join(", ");
}

/**
 * Registers this process as holding the store at `path` until the returned release is called
 * (or the process exits). Refuses while a restore of that file is under way.
 */
export function holdStore(path: string): () => void {
  const dir = holdersDir(path);
  const file = join(dir, `${process.pid}-${++counter}.json`);
  let registered = false;
  for (let attempt = 0; !registered; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, JSON.stringify(ownMark()));
      registered = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process's release removed the (then empty) folder in between: make it again.
      if (code === "ENOENT" && attempt < 3) continue;
      // A read-only folder or a full disk must not stop the store opening: /proc still shows the holder.
      if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "ENOSPC") break;
      throw error;
    }
  }
  const release = () => {
    heldFiles.delete(file);
    rmSync(file, { force: true });
    try {
      rmdirSync(dir);
    } catch {}
  };
  if (registered) heldFiles.add(file);
  if (!exitHook) {
    exitHook = true;
    // One hook for every store of the process: marks go when it exits (a SIGKILL leaves a dead pid, ignored).
    process.on("exit", () => {
      for (const f of heldFiles) rmSync(f, { force: true });
    });
  }
  const restoring = readMark(restoringMark(path));
  if (restoring && restoring.pid !== process.pid && alive(restoring)) {
    release();
    throw new StoreError(
      `${path}: being restored by pid ${restoring.pid} (${restoring.command}); open it again when the restore has finished`,
    );
  }
  return release;
}

/** Processes (this one included) holding the store: registered marks, then open file descriptors. */
export function storeHolders(path: string): Holder[] {
  const found = new Map<number, Holder>();
  const dir = holdersDir(path);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      const mark = readMark(file);
      if (!mark || !alive(mark)) {
        rmSync(file, { force: true });
        continue;
      }
      found.set(mark.pid, { pid: mark.pid, command: mark.command });
    }
  }
  for (const holder of openedBy(path)) if (!found.has(holder.pid)) found.set(holder.pid, holder);
  return [...found.values()];
}

/** Linux: processes with the file (or its WAL) open, found through /proc/<pid>/fd. */
function openedBy(path: string): Holder[] {
  if (!existsSync("/proc/self/fd")) return [];
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = resolve(path);
  }
  const names = new Set([real, `${real}-wal`, `${real}-shm`]);
  const holders: Holder[] = [];
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  for (const p of pids) {
    const pid = Number(p);
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${p}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${p}/fd/${fd}`);
      } catch {
        continue;
      }
      if (names.has(target)) {
        holders.push({ pid, command: commandOf(pid) });
        break;
      }
    }
  }
  return holders;
}

/**
 * Marks the store at `path` as being restored, after checking nobody holds it; throws naming the
 * holders otherwise. The returned release removes the mark.
 */
export function beginRestore(path: string): () => void {
  const mark = restoringMark(path);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(mark, "wx");
      writeFileSync(fd, JSON.stringify(ownMark()));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const other = readMark(mark);
      if (other && alive(other))
        throw new StoreError(`${path}: already being restored by pid ${other.pid} (${other.command})`);
      rmSync(mark, { force: true });
    }
  }
  const release = () => rmSync(mark, { force: true });
  const holders = storeHolders(path);
  if (holders.length > 0) {
    release();
    throw new StoreError(
      `${path} is in use by ${describe(holders)}: stop ${holders.length === 1 ? "it" : "them"} before restoring, or every write ${holders.length === 1 ? "it acknowledges" : "they acknowledge"} after the restore would be lost`,
    );
  }
  return release;
}

/** The file's identity, to notice it being replaced or deleted under an open connection. */
export function fileIdentity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}
