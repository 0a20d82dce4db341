import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { JobContext, JobDefinition, JobSummary } from "./types";

export type RunSource = JobContext["source"];

/** Longest error text kept with a run; stack traces beyond this help nobody on a dashboard. */
const MAX_ERROR_CHARS = 4_000;

/**
 * Runs one job once and records the run in job_run (RUNNING → SUCCEEDED with its summary, or
 * FAILED with the error). A failure is rethrown, so pg-boss retries it with backoff.
 */
export async function runJob(
  job: JobDefinition,
  opts: { source: RunSource; queueJobId?: string; workerId?: string } = { source: "manual" },
): Promise<JobSummary> {
  const run = await db.jobRun.create({
    data: { name: job.name, source: opts.source, queueJobId: opts.queueJobId ?? null, workerId: opts.workerId ?? null },
    select: { id: true },
  });
  const started = performance.now();
  try {
    const summary = await job.run({ source: opts.source });
    await db.jobRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date(), summary } });
    logger.info({ job: job.name, runId: run.id, ms: Math.round(performance.now() - started), summary }, "job.succeeded");
    return summary;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await db.jobRun
      .update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), error: message.slice(0, MAX_ERROR_CHARS) } })
      .catch((e: unknown) => logger.error({ job: job.name, err: e }, "job.record_failed"));
    logger.error({ job: job.name, runId: run.id, err: error }, "job.failed");
    throw error;
  }
}

/** The job of that name, or undefined. */
export function findJob(list: readonly JobDefinition[], name: string): JobDefinition | undefined {
  return list.find((job) => job.name === name);
}
