/**
 * Whether an error means the store cannot be reached right now (server down or restarting,
 * connection dropped, too many connections), as opposed to a bad query or bad data. Callers
 * answer these with 503 and Retry-After, or a stale page, instead of a 500.
 */
const UNAVAILABLE_CODES = new Set([
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
