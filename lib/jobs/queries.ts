import "server-only";
import { db } from "@/lib/db/client";
import { BOSS_SCHEMA } from "./boss";

export type QueueCounts = { created: number; retry: number; active: number; completed: number; failed: number; cancelled: number };
const EMPTY: QueueCounts = { created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };

/**
 * Jobs in each pg-boss queue by state (kept for pg-boss' retention period). Empty before the
 * first worker has created pg-boss' schema.
 */
export async function queueCounts(): Promise<Map<string, QueueCounts>> {
  const counts = new Map<string, QueueCounts>();
  const [probe] = await db.$queryRaw<{ installed: boolean }[]>`
    SELECT to_regclass(${`${BOSS_SCHEMA}.job`}) IS NOT NULL AS installed`;
  if (!probe?.installed) return counts;
  const rows = await db.$queryRawUnsafe<{ name: string; state: keyof QueueCounts; n: bigint }[]>(
    `SELECT name, state::text AS state, count(*) AS n FROM ${BOSS_SCHEMA}.job WHERE name NOT LIKE '\\_\\_%' GROUP BY name, state`,
  );
  for (const row of rows) {
    const entry = counts.get(row.name) ?? { ...EMPTY };
    if (row.state in entry) entry[row.state] = Number(row.n);
    counts.set(row.name, entry);
  }
  return counts;
}

export type JobRunRow = {
  id: string;
  name: string;
  source: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
  summary: unknown;
  error: string | null;
  workerId: string | null;
};

const RUN_SELECT = {
  id: true,
  name: true,
  source: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  summary: true,
  error: true,
  workerId: true,
} as const;

/** What Platform → Jobs shows: per job its queue and last run, the latest runs, the latest failures. */
export async function jobsOverview(jobs: readonly { name: string; cron?: string }[]) {
  const [counts, recent, failures, lastRuns, workers] = await Promise.all([
    queueCounts(),
    db.jobRun.findMany({ orderBy: { startedAt: "desc" }, take: 30, select: RUN_SELECT }),
    db.jobRun.findMany({ where: { status: "FAILED" }, orderBy: { startedAt: "desc" }, take: 20, select: RUN_SELECT }),
    db.$queryRaw<JobRunRow[]>`
      SELECT DISTINCT ON (name) id, name, source, status::text AS status, started_at AS "startedAt",
             finished_at AS "finishedAt", summary, error, worker_id AS "workerId"
      FROM job_run ORDER BY name, started_at DESC`,
    db.workerHeartbeat.findMany({ orderBy: { beatAt: "desc" } }),
  ]);
  const last = new Map(lastRuns.map((run) => [run.name, run]));
  return {
    queues: jobs.map((job) => ({
      name: job.name,
      cron: job.cron ?? null,
      counts: counts.get(job.name) ?? { ...EMPTY },
      lastRun: last.get(job.name) ?? null,
    })),
    recent: recent as JobRunRow[],
    failures: failures as JobRunRow[],
    workers,
  };
}
