import "server-only";
import PgBoss from "pg-boss";
import { resolveDatabaseUrl } from "@/lib/db/url";

/** pg-boss keeps its queue tables in this schema of the app's database (it creates and migrates it). */
export const BOSS_SCHEMA = "pgboss";

/** Retries of a failed run: 3 more attempts, 30 s, 60 s, 120 s apart (pg-boss backoff). */
export const QUEUE_OPTIONS = { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInMinutes: 30 } as const;

/** A pg-boss instance on the app's database; the caller starts and stops it. */
export function createBoss(connectionString: string = resolveDatabaseUrl()): PgBoss {
  return new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: "rightsbridge-jobs",
    max: Number(process.env.JOBS_POOL_SIZE ?? 4),
    // Cron is checked every 15 s (minute resolution); several workers agree through the database,
    // so each scheduled minute is sent once.
    cronMonitorIntervalSeconds: 15,
    cronWorkerIntervalSeconds: 5,
  });
}

/** `JOB_CRON_DEAL_EXPIRY` for "deal-expiry": an operator's override of a job's schedule ("off" disables it). */
export function cronOverrideName(jobName: string): string {
  return `JOB_CRON_${jobName.toUpperCase().replaceAll(/[^A-Z0-9]+/g, "_")}`;
}

export function cronOf(job: { name: string; cron?: string }, env: Record<string, string | undefined> = process.env): string | undefined {
  const override = env[cronOverrideName(job.name)]?.trim();
  if (override === "off") return undefined;
  return override || job.cron;
}
