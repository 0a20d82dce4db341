/**
 * What tests/integration/global-setup.ts hands to the test workers through vitest's
 * provide/inject (the workers are separate processes, so module state cannot carry it).
 */
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The database created and migrated for this run. */
    databaseUrl: string;
    /** An existing database on the same server, for tests that create scratch databases. */
    adminDatabaseUrl: string;
  }
}

export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

export function adminDatabaseUrl(): string {
  return inject("adminDatabaseUrl");
}
