/**
 * What tests/integration/global-setup.ts hands to the test workers through vitest's
 * provide/inject (the workers are separate processes, so module state cannot carry it).
 */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** One database per test worker, created and migrated for this run. */
    databaseUrls: string[];
    /** An existing database on the same server, for tests that create scratch databases. */
    adminDatabaseUrl: string;
  }
}

/**
 * This worker's database: vitest numbers its workers 1…maxWorkers (VITEST_POOL_ID), and a worker
 * runs one file at a time, so no two files ever share a database at the same moment.
 */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const pool = Number(process.env.VITEST_POOL_ID ?? "1");
  const url = urls[(Number.isInteger(pool) && pool >= 1 ? pool - 1 : 0) % urls.length];
  if (!url) throw new Error("the integration global setup provided no database");
  return url;
}

export function adminDatabaseUrl(): string {
  return inject("adminDatabaseUrl");
}
