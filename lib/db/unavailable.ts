/**
 * Whether an error means the database cannot be reached right now (refused, reset, timed out,
 * shutting down), as opposed to a bug or a refused query. Such errors are answered 503 with
 * Retry-After instead of 500: the request did nothing and may be retried.
 */
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  // SQLSTATE class 08 (connection exception) and 57P0x (the server is shutting down or starting)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  // Prisma: can't reach the server, timed out, connection closed
  "P1001",
  "P1002",
  "P1017",
]);
const MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|connection timeout|can't reach database|ECONNREFUSED|ECONNRESET|server closed the connection|the database system is (shutting down|starting up)|terminating connection due to administrator command|Connection refused/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && CODES.has(e.code)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/**
 * Whether an error means the database is too busy right now: an interactive transaction could not
 * get a pooled connection within its maxWait, or ran past its timeout and was rolled back
 * (Prisma's P2028). Nothing was committed, so the request may be retried: 503 with Retry-After.
 */
const BUSY_MESSAGES = /Unable to start a transaction in the given time|Transaction already closed|expired transaction/i;

export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === "P2028" && typeof e.message === "string" && BUSY_MESSAGES.test(e.message)) return true;
  return isDatabaseBusy(e.cause, depth + 1);
}
