import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { onShutdown } from "./shutdown";
import { resolveDatabaseUrl } from "./url";

// One client per process. Next may load this module more than once (dev reloads, and the server
// bundles of the app and the API can each hold a copy), so the instance and its pool are kept on
// globalThis instead of opening a new pool each time.
const globalForDb = globalThis as typeof globalThis & { __rightsbridgeDb?: PrismaClient; __rightsbridgePool?: pg.Pool };

/** Connections per process; Postgres' default max_connections is 100, so keep room for jobs. */
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
/** A database that does not answer a connection attempt in this time counts as unavailable (503). */
const CONNECT_TIMEOUT_MS = Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000);

/**
 * Opening a connection gives up after CONNECT_TIMEOUT_MS (an unreachable database answers 503
 * instead of hanging); waiting for a free pooled connection under load has no such limit (a
 * pool-level connectionTimeoutMillis would turn a busy pool into failed requests).
 */
class TimedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({ ...(typeof config === "string" ? { connectionString: config } : config), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * How long an interactive transaction waits for a pooled connection before it gives up (Prisma's
 * default is 2 s). Under a burst the pool's ten connections are all busy for a while; waiting is
 * better than failing, and a transaction that still cannot start answers 503 with Retry-After
 * (lib/db/unavailable.ts), never 500.
 */
const TRANSACTION_MAX_WAIT_MS = Number(process.env.TRANSACTION_MAX_WAIT_MS ?? 10_000);
const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };

export function createPool(connectionString: string, poolSize = POOL_SIZE): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: poolSize, idleTimeoutMillis: 30_000, Client: TimedClient });
  // A connection that dies while idle (database restarted) is dropped from the pool, not a crash.
  pool.on("error", () => undefined);
  return pool;
}

export function createDbClient(connectionString: string, poolSize = POOL_SIZE): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(connectionString, poolSize)), transactionOptions });
}

function processClient(): PrismaClient {
  const pool = createPool(resolveDatabaseUrl());
  globalForDb.__rightsbridgePool = pool;
  return new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions });
}

export const db: PrismaClient = globalForDb.__rightsbridgeDb ?? processClient();
globalForDb.__rightsbridgeDb = db;

/** The pool of this process' client (metrics read its counts; shutdown ends it). */
export function processPool(): pg.Pool | undefined {
  return globalForDb.__rightsbridgePool;
}

/** Closes the process' client and pool (graceful shutdown). */
export async function closeDb(): Promise<void> {
  await db.$disconnect().catch(() => undefined);
  const pool = globalForDb.__rightsbridgePool;
  if (pool && !pool.ended) await pool.end().catch(() => undefined);
}

// The pool closes last when the server stops (scripts/serve.mjs runs the hooks after draining).
onShutdown({ name: "database", order: 100, run: closeDb });

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
