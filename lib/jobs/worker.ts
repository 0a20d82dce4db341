import "server-only";
import { randomBytes } from "node:crypto";
import os from "node:os";
import { db } from "@/lib/db/client";
import { sqlState } from "@/lib/db/tx";
import { logger } from "@/lib/log/logger";
import { createBoss, cronOf, QUEUE_OPTIONS } from "./boss";
import { jobs as registeredJobs, loops as registeredLoops } from "./registry";
import { runJob } from "./run";
import type { JobDefinition, WorkerLoop } from "./types";

/** How often a worker renews its heartbeat; readiness wants one under 2 minutes old. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** How long stop() lets running jobs finish. */
const STOP_TIMEOUT_MS = 20_000;

export type Worker = { id: string; stop(): Promise<void> };

/**
 * Starts the background worker: creates a pg-boss queue per registered job (retries with
 * backoff), schedules those with a cron, works them, starts the registry's loops, and renews a
 * heartbeat row in worker_heartbeat. Any number of workers may run against one database: pg-boss
 * hands each job to one of them and sends each scheduled minute once.
 */
export async function startWorker(
  opts: { jobs?: readonly JobDefinition[]; loops?: readonly WorkerLoop[]; connectionString?: string } = {},
): Promise<Worker> {
  const jobs = opts.jobs ?? registeredJobs;
  const id = `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const boss = createBoss(opts.connectionString);
  boss.on("error", (error) => logger.error({ err: error, workerId: id }, "jobs.boss_error"));
  await boss.start();

  for (const job of jobs) {
    // Workers that start together create the same queues at once, and pg-boss's create_queue can
    // deadlock with itself (40P01); both steps are idempotent, so the loser tries again.
    await retryOnDeadlock(() => boss.createQueue(job.name, { name: job.name, ...QUEUE_OPTIONS }));
    const cron = cronOf(job);
    if (cron) await retryOnDeadlock(() => boss.schedule(job.name, cron, {}, { tz: "UTC" }));
    else await retryOnDeadlock(() => boss.unschedule(job.name));
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async (batch) => {
      for (const queued of batch) {
        const source = (queued.data as { source?: string } | undefined)?.source === "queue" ? "queue" : "schedule";
        await runJob(job, { source, queueJobId: queued.id, workerId: id });
      }
    });
  }

  const beat = () =>
    db.workerHeartbeat
      .upsert({
        where: { id },
        create: { id, host: os.hostname().slice(0, 200), pid: process.pid },
        update: { beatAt: new Date() },
      })
      .catch((error: unknown) => logger.warn({ err: error, workerId: id }, "jobs.heartbeat_failed"));
  await beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  timer.unref();

  const stopLoops = (opts.loops ?? registeredLoops).map((start) => start());
  logger.info({ workerId: id, jobs: jobs.map((j) => `${j.name}${cronOf(j) ? ` (${cronOf(j)})` : ""}`) }, "jobs.worker_started");

  let stopped: Promise<void> | undefined;
  return {
    id,
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        await Promise.allSettled(stopLoops.map((stop) => stop()));
        await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS }).catch(() => undefined);
        await db.workerHeartbeat.deleteMany({ where: { id } }).catch(() => undefined);
        logger.info({ workerId: id }, "jobs.worker_stopped");
      })();
      return stopped;
    },
  };
}

async function retryOnDeadlock<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || sqlState(error) !== "40P01") throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.floor(Math.random() * 200)));
    }
  }
}
