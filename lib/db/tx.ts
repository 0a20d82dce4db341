import "server-only";
import type pg from "pg";
import { connectionsByBackendPid, db } from "./client";
import { Prisma } from "./generated/client";

/**
 * Transactions and what they share: the transaction client type, a transaction that waits its
 * turn on row locks, the row lock itself, and the constraint failures a transaction can end in.
 */

/** A Prisma transaction client: what every helper of a command takes. */
export type Tx = Prisma.TransactionClient;

/** Waits its turn on the row locks instead of failing under load (Prisma's default maxWait is 2 s). */
const WAIT_FOR_LOCKS = { timeout: 30_000, maxWait: 30_000 };

export function inTx<T>(fn: (tx: Tx) => Promise<T>, options: { timeout?: number; maxWait?: number } = WAIT_FOR_LOCKS): Promise<T> {
  return db.$transaction(fn, options);
}

/**
 * The pg connection a Prisma transaction runs on, found by its server process id, for statements
 * Prisma cannot send (COPY FROM STDIN). Use it only between the transaction's own awaited queries;
 * everything sent on it is part of the transaction. Null when the transaction's client was not
 * made by `createPool` (a client built elsewhere, e.g. a bench's logging client).
 */
export async function connectionOf(tx: Tx): Promise<pg.Client | null> {
  const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  return row ? (connectionsByBackendPid.get(row.pid) ?? null) : null;
}

/** The tables whose rows commands lock to serialise changes of one record. */
export type LockedTable =
  | "advance"
  | "deal"
  | "edit_request"
  | "facility"
  | "organization"
  | "programme"
  | "programme_application"
  | "title";

/**
 * Locks one row (`SELECT … FOR UPDATE`) until the transaction ends, so concurrent changes of the
 * same record run one after another. The table is one of a fixed list, never user input.
 */
export async function lockRow(tx: Tx, table: LockedTable, id: string): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM ${Prisma.raw(table)} WHERE id = ${id}::uuid FOR UPDATE`);
}

/**
 * Postgres SQLSTATE of an error thrown through Prisma's driver adapter. A raw query's failure
 * arrives as P2010 with the database error somewhere beneath (meta, cause); look everywhere
 * rather than depend on one Prisma version's nesting.
 */
export function sqlState(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  const e = error as Record<string, unknown>;
  for (const key of ["code", "originalCode"]) {
    const value = e[key];
    if (typeof value === "string" && /^[0-9A-Z]{5}$/.test(value) && !value.startsWith("P")) return value;
  }
  for (const key of ["meta", "cause", "driverAdapterError", "kind"]) {
    const found = sqlState(e[key], depth + 1);
    if (found) return found;
  }
  const message = typeof e.message === "string" ? e.message : "";
  return /\b23P01\b|exclusion constraint/.test(message) ? "23P01" : undefined;
}

/** A UNIQUE constraint refused the write: P2002 from a model query, SQLSTATE 23505 from a raw one. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return sqlState(error) === "23505";
}

/** An exclusion constraint refused the write (SQLSTATE 23P01): overlapping grants or periods. */
export const isExclusionViolation = (error: unknown) => sqlState(error) === "23P01";
