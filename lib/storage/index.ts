import "server-only";
import { postgresStorage } from "./postgres";
import { s3SettingsFromEnv, s3Storage } from "./s3";
import type { FileStorage } from "./types";

export type { FileStorage, StoredObject } from "./types";

const globalForStorage = globalThis as typeof globalThis & { __rightsbridgeStorage?: FileStorage };

/**
 * The one place files go: PostgreSQL (table stored_file) by default, an S3-compatible bucket when
 * S3_BUCKET is set. Nothing is kept on the local disk, so every instance serves every file.
 */
export function storage(): FileStorage {
  if (!globalForStorage.__rightsbridgeStorage) {
    const s3 = s3SettingsFromEnv();
    globalForStorage.__rightsbridgeStorage = s3 ? s3Storage(s3) : postgresStorage;
  }
  return globalForStorage.__rightsbridgeStorage;
}
