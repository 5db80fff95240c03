/**
 * Whether an error means the store cannot be reached right now (server down or restarting,
 * connection dropped, too many connections), as opposed to a bad query or bad data. Callers
 * answer these with 503 and Retry-After, or a stale page, instead of a 500.
 */
const UNAVAILABLE_CODES = new Set([
  // SQLite's write lock held by another process past our retries.
  "SQLITE_BUSY",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  // The SQLite file was replaced under the process (StoreReplacedError): no write may land in it.
  "ESTOREREPLACED",
  // PostgreSQL SQLSTATEs: connection exceptions, shutdown and start-up, too many connections.
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/**
 * Another process holds SQLite's write lock (a CLI import's batch) past the retries of
 * `retryWhileBusy`; nothing was written. Answered like an unavailable store: 503 and Retry-After.
 */
export class StoreBusyError extends Error {
  readonly code = "SQLITE_BUSY";
  constructor(cause?: Error) {
    super("the store is busy with another writer (an import?); nothing was written", { cause });
    this.name = "StoreBusyError";
  }
}

/** How long a transaction keeps retrying to begin while another process writes (NEWSDESK_BUSY_RETRY_MS). */
function busyBudgetMs(): number {
  const n = Number(process.env.NEWSDESK_BUSY_RETRY_MS ?? 10_000);
  return Number.isFinite(n) && n >= 0 ? n : 10_000;
}

/**
 * Runs `begin` (a transaction) again while it fails with StoreBusyError, with growing pauses
 * between attempts, for up to NEWSDESK_BUSY_RETRY_MS; then lets the StoreBusyError through.
 * Safe to repeat: the error comes from BEGIN, before the transaction's work ran.
 */
export async function retryWhileBusy<T>(begin: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + busyBudgetMs();
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return await begin();
    } catch (error) {
      if (!(error instanceof StoreBusyError) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

export function isStoreUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** SQLite's SQLITE_FULL, the file layer's ENOSPC/EDQUOT, PostgreSQL's disk_full (53100). */
const FULL_CODES = new Set(["SQLITE_FULL", "ENOSPC", "EDQUOT", "53100"]);
const FULL_MESSAGES = /database or disk is full|no space left on device|could not extend file/i;

/** Whether an error means the disk holding the store is full: the write was refused whole. */
export function isStoreFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && FULL_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && FULL_MESSAGES.test(message)) return true;
  }
  return false;
}
