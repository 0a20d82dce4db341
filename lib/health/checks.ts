import "server-only";
import path from "node:path";
import { db } from "@/lib/db/client";
import { readMigrations } from "@/lib/db/migrate";

/** A worker whose heartbeat is older than this does not count (it renews every 30 s). */
export const WORKER_STALE_MS = 2 * 60_000;
/** Readiness must answer quickly even when the database hangs. */
const CHECK_TIMEOUT_MS = Number(process.env.HEALTH_CHECK_TIMEOUT_MS ?? 2_000);

export type Readiness = {
  ok: boolean;
  checks: {
    database: "ok" | "unavailable";
    migrations: "ok" | "pending" | "unknown";
    worker: "ok" | "stale" | "missing" | "skipped" | "unknown";
  };
  /** Migration files not applied to the database yet. */
  pendingMigrations?: string[];
  /** The process received SIGTERM and is draining: a load balancer should stop sending it requests. */
  draining?: true;
};

/** Set by scripts/serve.mjs on SIGTERM/SIGINT (plain JavaScript outside Next's bundles, hence globalThis). */
export function isDraining(): boolean {
  return (globalThis as typeof globalThis & { __rightsbridgeDraining?: boolean }).__rightsbridgeDraining === true;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The migration files do not change while the process runs: read them once.
let migrationNames: Promise<string[]> | undefined;
function filesOnDisk(): Promise<string[]> {
  migrationNames ??= readMigrations(path.join(process.cwd(), "prisma", "migrations")).then((files) => files.map((f) => f.name));
  migrationNames.catch(() => {
    migrationNames = undefined;
  });
  return migrationNames;
}

/** The worker check applies unless HEALTH_WORKER_CHECK=off (an instance set that runs no worker). */
export function workerExpected(env: Record<string, string | undefined> = process.env): boolean {
  return env.HEALTH_WORKER_CHECK !== "off";
}

/**
 * Ready when the process is not draining, the database answers, every migration file is applied
 * and (where a worker is expected) some worker's heartbeat is under 2 minutes old.
 */
export async function readiness(now: Date = new Date()): Promise<Readiness> {
  const checks: Readiness["checks"] = { database: "unavailable", migrations: "unknown", worker: workerExpected() ? "unknown" : "skipped" };
  let pendingMigrations: string[] | undefined;
  try {
    const [files, applied, beat] = await withTimeout(
      Promise.all([
        filesOnDisk(),
        db.$queryRaw<{ name: string }[]>`
          SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        checks.worker === "skipped"
          ? Promise.resolve(undefined)
          : db.$queryRaw<{ at: Date | null }[]>`SELECT max(beat_at) AS at FROM worker_heartbeat`,
      ]),
      CHECK_TIMEOUT_MS,
    );
    checks.database = "ok";
    const done = new Set(applied.map((row) => row.name));
    pendingMigrations = files.filter((name) => !done.has(name));
    checks.migrations = pendingMigrations.length === 0 ? "ok" : "pending";
    if (beat) {
      const at = beat[0]?.at;
      checks.worker = !at ? "missing" : now.getTime() - at.getTime() < WORKER_STALE_MS ? "ok" : "stale";
    }
  } catch {
    // database stays "unavailable"; the others "unknown"
  }
  const draining = isDraining();
  const ok = !draining && checks.database === "ok" && checks.migrations === "ok" && (checks.worker === "ok" || checks.worker === "skipped");
  return { ok, checks, ...(pendingMigrations?.length ? { pendingMigrations } : {}), ...(draining ? { draining: true as const } : {}) };
}
