import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { resolveDatabaseUrl } from "./url";

// One client per process. In development Next reloads modules, so the instance is kept on
// globalThis instead of opening a new pool on every reload.
const globalForDb = globalThis as typeof globalThis & { __rightsbridgeDb?: PrismaClient };

/** Connections per process; Postgres' default max_connections is 100, so keep room for jobs. */
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

export function createDbClient(connectionString: string, poolSize = POOL_SIZE): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolSize, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.__rightsbridgeDb ?? createDbClient(resolveDatabaseUrl());
if (process.env.NODE_ENV !== "production") globalForDb.__rightsbridgeDb = db;

export type Db = PrismaClient;
export type { Prisma } from "./generated/client";
