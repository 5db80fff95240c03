import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { StoreError } from "../store.ts";

/**
 * Point-in-time recovery for SQLite by shipping the WAL to a folder.
 *
 * A *generation* is a copy of the database file plus every transaction committed after it, as the
 * WAL frames SQLite wrote, in segment files named by when they were shipped. The shipper (in
 * `newsdesk serve --wal-archive DIR`) is the only process that checkpoints: it writes
 * `<db>.wal-archive`, and every process opening the store sees it and turns automatic
 * checkpoints off, so frames stay in the WAL until shipped. It checkpoints (RESTART) itself once
 * the WAL is large; when SQLite reports as many frames in the WAL as were shipped, nothing was
 * missed and the generation goes on from the restarted WAL (whose first salt is the old one plus
 * one), otherwise (or when the WAL was restarted by someone else) a new generation starts with a
 * fresh copy. Restoring to a time T copies the
 * newest generation begun before T and applies, page by page, the frames of every segment shipped
 * by T: the store as it was at its last commit shipped by then (shipping runs every second).
 */

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

export function archiveMarkerPath(dbPath: string): string {
  return `${dbPath}.wal-archive`;
}

/** Whether a process opening `dbPath` must leave checkpoints to the WAL shipper. */
export function shippingActive(dbPath: string): boolean {
  return existsSync(archiveMarkerPath(dbPath));
}

/** Tells every process opening `dbPath` from now on to leave checkpoints to the shipper. */
export function markShipping(dbPath: string, archiveDir: string): void {
  mkdirSync(archiveDir, { recursive: true });
  writeFileSync(archiveMarkerPath(dbPath), `${archiveDir}\n`);
}

interface WalHeader {
  bigEndian: boolean;
  pageSize: number;
  checkpointSeq: number;
  salt1: number;
  salt2: number;
  checksum: [number, number];
}

function readHeader(buf: Buffer): WalHeader | null {
  if (buf.length < WAL_HEADER) return null;
  const magic = buf.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const bigEndian = magic === 0x377f0683;
  const sum = checksum(buf, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== buf.readUInt32BE(24) || sum[1] !== buf.readUInt32BE(28)) return null;
  const raw = buf.readUInt32BE(8);
  return {
    bigEndian,
    pageSize: raw === 1 ? 65536 : raw,
    checkpointSeq: buf.readUInt32BE(12),
    salt1: buf.readUInt32BE(16),
    salt2: buf.readUInt32BE(20),
    checksum: sum,
  };
}

/** SQLite's WAL checksum over 32-bit words, native byte order given by the magic number. */
function checksum(
  buf: Buffer,
  start: number,
  end: number,
  bigEndian: boolean,
  seed: [number, number],
): [number, number] {
  let s0 = seed[0];
  let s1 = seed[1];
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

interface Position {
  salt1: number;
  salt2: number;
  /** Bytes of the WAL shipped (a commit boundary). */
  offset: number;
  checksum: [number, number];
  /** This shipper checkpointed the whole WAL at `offset`: the next restart (salt1 + 1) is expected. */
  checkpointed?: boolean;
}

/**
 * The complete transactions in `buf` (the WAL from `from`), checked frame by frame against the
 * header's salts and the running checksum; stops at the first frame that is not (yet) valid.
 */
function committedFrames(
  buf: Buffer,
  header: WalHeader,
  from: number,
  seed: [number, number],
): { end: number; checksum: [number, number] } {
  const frameSize = FRAME_HEADER + header.pageSize;
  let sum = seed;
  let end = from;
  let committedSum = seed;
  for (let at = from; at + frameSize <= buf.length; at += frameSize) {
    if (buf.readUInt32BE(at + 8) !== header.salt1 || buf.readUInt32BE(at + 12) !== header.salt2) break;
    sum = checksum(buf, at, at + 8, header.bigEndian, sum);
    sum = checksum(buf, at + FRAME_HEADER, at + frameSize, header.bigEndian, sum);
    if (sum[0] !== buf.readUInt32BE(at + 16) || sum[1] !== buf.readUInt32BE(at + 20)) break;
    if (buf.readUInt32BE(at + 4) !== 0) {
      end = at + frameSize;
      committedSum = sum;
    }
  }
  return { end, checksum: committedSum };
}

function writeDurably(path: string, data: Buffer | string): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, "w");
  try {
    writeSync(fd, typeof data === "string" ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

export interface ShipperOptions {
  /** How often new frames are shipped (default 1000 ms). */
  intervalMs?: number;
  /** Checkpoint (and empty the WAL) once it is larger than this (default 16 MiB). */
  checkpointBytes?: number;
  /** Start a new generation (a fresh copy) this often (default 24 h). */
  generationMs?: number;
  /** Called with a message when shipping fails (it retries at the next tick). */
  onError?: (message: string) => void;
}

export interface WalShipper {
  /** Ships what is committed now (tests and shutdown call it). */
  ship(): void;
  close(): void;
}

/**
 * Starts shipping the WAL of `dbPath` into `archiveDir`. Write the marker before any connection
 * to the store is opened, so every process leaves checkpoints to the shipper.
 */
export function startWalShipper(dbPath: string, archiveDir: string, options: ShipperOptions = {}): WalShipper {
  markShipping(dbPath, archiveDir);
  const db = new Database(dbPath, { fileMustExist: true });
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.pragma("busy_timeout = 5000");
  const walPath = `${dbPath}-wal`;
  const checkpointBytes = options.checkpointBytes ?? 16 * 1024 * 1024;
  const generationMs = options.generationMs ?? 24 * 3600 * 1000;
  let generation: { dir: string; started: number; segments: number } | null = null;
  /** Where shipping goes on; null after a TRUNCATE checkpoint: the next WAL header starts afresh. */
  let position: Position | null = null;

  const truncateCheckpoint = (): { complete: boolean } => {
    const [row] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    return { complete: row.busy === 0 };
  };

  const newGeneration = () => {
    // Everything goes into the database file and the WAL is emptied; from then on the file only
    // changes when this shipper checkpoints, so a plain copy of it is the generation's start.
    for (let attempt = 0; !truncateCheckpoint().complete; attempt++) {
      if (attempt >= 5) throw new StoreError(`${dbPath}: could not checkpoint for a new archive generation (busy)`);
    }
    const started = Date.now();
    const dir = join(archiveDir, `gen-${String(started).padStart(15, "0")}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(dbPath, join(dir, "snapshot.db.partial"));
    const fd = openSync(join(dir, "snapshot.db.partial"), "r+");
    fsyncSync(fd);
    closeSync(fd);
    renameSync(join(dir, "snapshot.db.partial"), join(dir, "snapshot.db"));
    writeDurably(join(dir, "generation.json"), JSON.stringify({ started: new Date(started).toISOString() }));
    generation = { dir, started, segments: 0 };
    position = null;
  };

  /** Bytes [from, end of file) of the WAL, and its header; empty when there is no WAL. */
  const readWal = (from: number): { header: WalHeader | null; size: number; tail: Buffer } => {
    let fd: number;
    try {
      fd = openSync(walPath, "r");
    } catch {
      return { header: null, size: 0, tail: Buffer.alloc(0) };
    }
    try {
      const size = statSync(walPath).size;
      const head = Buffer.alloc(WAL_HEADER);
      const got = readSync(fd, head, 0, WAL_HEADER, 0);
      const header = got === WAL_HEADER ? readHeader(head) : null;
      const start = Math.max(from, WAL_HEADER);
      const tail = Buffer.alloc(Math.max(0, size - start));
      if (tail.length > 0) readSync(fd, tail, 0, tail.length, start);
      return { header, size, tail };
    } finally {
      closeSync(fd);
    }
  };

  const ship = () => {
    if (!generation) newGeneration();
    const from = position?.offset ?? WAL_HEADER;
    const { header, size, tail } = readWal(from);
    if (!header) {
      // An empty WAL is where a TRUNCATE left it; a WAL gone under a known position was checkpointed by someone else.
      if (position && position.offset > WAL_HEADER) newGeneration();
      return;
    }
    if (position && (position.salt1 !== header.salt1 || position.salt2 !== header.salt2 || size < position.offset)) {
      if (position.checkpointed && header.salt1 === (position.salt1 + 1) >>> 0) {
        // The restart that follows this shipper's own complete checkpoint: go on from its first frame.
        position = null;
        return ship();
      }
      // Restarted by another process's checkpoint: frames may have gone unshipped.
      newGeneration();
      return ship();
    }
    const { end, checksum: sum } = committedFrames(tail, header, 0, position?.checksum ?? header.checksum);
    if (end > 0) {
      const g = generation!;
      g.segments++;
      const name = `${String(g.segments).padStart(8, "0")}-${Date.now()}.frames`;
      // A segment: page size (4 bytes) then the frames as SQLite wrote them.
      const head = Buffer.alloc(4);
      head.writeUInt32BE(header.pageSize);
      writeDurably(join(g.dir, name), Buffer.concat([head, tail.subarray(0, end)]));
    }
    const shippedTo = from + end;
    const checkpointed = end === 0 && position?.checkpointed === true;
    position = { salt1: header.salt1, salt2: header.salt2, offset: shippedTo, checksum: sum, checkpointed };
    if (Date.now() - generation!.started > generationMs) {
      newGeneration();
    } else if (shippedTo > checkpointBytes && !checkpointed) {
      const shipped = (shippedTo - WAL_HEADER) / (FRAME_HEADER + header.pageSize);
      // RESTART: everything into the database file, and the next writer starts the WAL over.
      const [row] = db.pragma("wal_checkpoint(RESTART)") as { busy: number; log: number; checkpointed: number }[];
      if (row.busy === 0) {
        // As many frames in the WAL as shipped: nothing slipped in between, the generation goes on.
        if (row.log === shipped) position.checkpointed = true;
        else newGeneration();
      }
    }
  };

  const tick = () => {
    try {
      ship();
    } catch (error) {
      options.onError?.(`WAL shipping to ${archiveDir} failed: ${(error as Error).message}`);
    }
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 1000);
  timer.unref();
  return {
    ship,
    close() {
      clearInterval(timer);
      tick();
      db.close();
      rmSync(archiveMarkerPath(dbPath), { force: true });
    },
  };
}

interface Generation {
  dir: string;
  started: number;
}

function generations(archiveDir: string): Generation[] {
  if (!existsSync(archiveDir) || !statSync(archiveDir).isDirectory())
    throw new StoreError(`${archiveDir}: not a WAL archive folder`);
  return readdirSync(archiveDir)
    .filter((d) => /^gen-\d+$/.test(d) && existsSync(join(archiveDir, d, "snapshot.db")))
    .map((d) => ({ dir: join(archiveDir, d), started: Number(d.slice(4)) }))
    .sort((a, b) => a.started - b.started);
}

/**
 * Builds at `outPath` the store as it was at `at` (default: the newest shipped commit) from a WAL
 * archive. Returns the time of the last segment applied.
 */
export function buildFromArchive(
  archiveDir: string,
  outPath: string,
  at?: Date,
): { generation: string; appliedUntil: Date; segments: number } {
  const all = generations(archiveDir);
  if (all.length === 0) throw new StoreError(`${archiveDir}: no archive generations (nothing shipped yet)`);
  const limit = at?.getTime() ?? Number.POSITIVE_INFINITY;
  const chosen = [...all].reverse().find((g) => g.started <= limit);
  if (!chosen) {
    throw new StoreError(
      `${archiveDir}: the archive begins at ${new Date(all[0].started).toISOString()}, after ${at!.toISOString()}`,
    );
  }
  copyFileSync(join(chosen.dir, "snapshot.db"), outPath);
  const segments = readdirSync(chosen.dir)
    .map((f) => /^(\d{8})-(\d+)\.frames$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) <= limit)
    .sort((a, b) => a[1].localeCompare(b[1]));
  const fd = openSync(outPath, "r+");
  let appliedUntil = chosen.started;
  try {
    for (const m of segments) {
      const data = readFileSync(join(chosen.dir, m[0]));
      const pageSize = data.readUInt32BE(0);
      const frameSize = FRAME_HEADER + pageSize;
      for (let at = 4; at + frameSize <= data.length; at += frameSize) {
        const page = data.readUInt32BE(at);
        const commitSize = data.readUInt32BE(at + 4);
        writeSync(fd, data, at + FRAME_HEADER, pageSize, (page - 1) * pageSize);
        if (commitSize !== 0) ftruncateSync(fd, commitSize * pageSize);
      }
      appliedUntil = Number(m[2]);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { generation: chosen.dir, appliedUntil: new Date(appliedUntil), segments: segments.length };
}
