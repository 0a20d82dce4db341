import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createBoss, cronOf, QUEUE_OPTIONS } from "@/lib/jobs/boss";
import { jobsOverview } from "@/lib/jobs/queries";
import { jobs, loops } from "@/lib/jobs/registry";
import { findJob, runJob } from "@/lib/jobs/run";
import { startWorker } from "@/lib/jobs/worker";
import { resetDb } from "../support/db";

async function until<T>(read: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("jobs", () => {
  beforeEach(() => resetDb());
  afterAll(() => db.$disconnect());

  it("registers deal-expiry hourly; adding a job or a loop is one entry in the registry", () => {
    const expiry = findJob(jobs, "deal-expiry");
    expect(expiry?.cron).toBe("0 * * * *");
    expect(new Set(jobs.map((j) => j.name)).size).toBe(jobs.length);
    expect(Array.isArray(loops)).toBe(true);
  });

  it("lets an operator override or switch off a schedule by variable", () => {
    const job = { name: "deal-expiry", cron: "0 * * * *" };
    expect(cronOf(job, {})).toBe("0 * * * *");
    expect(cronOf(job, { JOB_CRON_DEAL_EXPIRY: "*/5 * * * *" })).toBe("*/5 * * * *");
    expect(cronOf(job, { JOB_CRON_DEAL_EXPIRY: "off" })).toBeUndefined();
    expect(cronOf({ name: "audit-anchor" }, { JOB_CRON_AUDIT_ANCHOR: "0 3 * * *" })).toBe("0 3 * * *");
  });

  it("records a successful run with its summary and a failed one with its error, and rethrows the failure", async () => {
    const summary = await runJob({ name: "ok-job", run: async () => ({ done: 3 }) }, { source: "manual" });
    expect(summary).toEqual({ done: 3 });
    await expect(
      runJob(
        {
          name: "bad-job",
          run: async () => {
            throw new Error("the bank was closed");
          },
        },
        { source: "manual" },
      ),
    ).rejects.toThrow("the bank was closed");

    const runs = await db.jobRun.findMany({ orderBy: { name: "asc" } });
    expect(runs.map((r) => [r.name, r.status, r.source])).toEqual([
      ["bad-job", "FAILED", "manual"],
      ["ok-job", "SUCCEEDED", "manual"],
    ]);
    expect(runs[0]?.error).toContain("the bank was closed");
    expect(runs[0]?.finishedAt).not.toBeNull();
    expect(runs[1]?.summary).toEqual({ done: 3 });

    const overview = await jobsOverview([{ name: "ok-job" }, { name: "bad-job", cron: "0 * * * *" }]);
    expect(overview.failures.map((f) => f.name)).toEqual(["bad-job"]);
    expect(overview.queues.find((q) => q.name === "bad-job")?.lastRun?.status).toBe("FAILED");
    expect(overview.queues.find((q) => q.name === "ok-job")?.lastRun?.status).toBe("SUCCEEDED");
  });

  it("deal-expiry through jobs:run's path reports how many deals it expired", async () => {
    const expiry = findJob(jobs, "deal-expiry")!;
    await expect(runJob(expiry, { source: "manual" })).resolves.toEqual({ expired: 0, dealIds: [] });
  });

  it("a worker creates retrying queues, works queued jobs, renews its heartbeat, runs loops and cleans up on stop", async () => {
    const seen: string[] = [];
    let loopStopped = false;
    const worker = await startWorker({
      jobs: [
        {
          name: "test-echo",
          async run() {
            seen.push("echo");
            return { echoed: true };
          },
        },
      ],
      loops: [
        () => async () => {
          loopStopped = true;
        },
      ],
    });
    const boss = createBoss();
    await boss.start();
    try {
      expect(await db.workerHeartbeat.findUnique({ where: { id: worker.id } })).not.toBeNull();
      const queue = await boss.getQueue("test-echo");
      expect(queue).toMatchObject({ retryLimit: QUEUE_OPTIONS.retryLimit, retryDelay: QUEUE_OPTIONS.retryDelay, retryBackoff: true });

      await boss.send("test-echo", { source: "queue" });
      const run = await until(() => db.jobRun.findFirst({ where: { name: "test-echo", status: "SUCCEEDED" } }));
      expect(run).toMatchObject({ source: "queue", workerId: worker.id, summary: { echoed: true } });
      expect(seen).toEqual(["echo"]);

      const overview = await jobsOverview([{ name: "test-echo" }]);
      expect(overview.workers.map((w) => w.id)).toContain(worker.id);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      await worker.stop();
    }
    expect(loopStopped).toBe(true);
    expect(await db.workerHeartbeat.findUnique({ where: { id: worker.id } })).toBeNull();
  });
});
