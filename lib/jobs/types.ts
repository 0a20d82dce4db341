/** What a job run reports: a small JSON object stored with the run (job_run.summary). */
export type JobSummary = Record<string, string | number | boolean | null | string[]>;

/**
 * A registered job. `name` is the pg-boss queue and the name `npm run jobs:run` takes; with `cron`
 * (5 fields, UTC) the worker schedules it. `run` must be idempotent: a retry or a second worker may
 * run it again.
 */
export type JobDefinition = {
  name: string;
  cron?: string;
  run(context: JobContext): Promise<JobSummary>;
};

/** How a run was started: a manual run (`npm run jobs:run`) may act on what a schedule would defer. */
export type JobContext = { source: "schedule" | "queue" | "manual" };

/** A long-running loop the worker starts next to the queues; start returns its stop function. */
export type WorkerLoop = () => () => Promise<void>;
