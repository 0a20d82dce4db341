import "server-only";
import { db, processPool } from "@/lib/db/client";
import { queueCounts } from "@/lib/jobs/queries";
import { outboxBacklog } from "@/lib/mail/queries";
import { metrics, registerGauge } from "./registry";

/**
 * Gauges read at scrape time: the database pool of this process, pg-boss queue depth and failures,
 * job runs by outcome, and the e-mail outbox's backlog. A collector whose query fails leaves its gauge empty rather than
 * failing the whole scrape.
 */
export function registerCollectors(): void {
  registerGauge("rightsbridge_db_pool_connections", "Connections of this process' database pool by state.", ["state"], (g) => {
    const pool = processPool();
    g.reset();
    if (!pool) return;
    g.set({ state: "total" }, pool.totalCount);
    g.set({ state: "idle" }, pool.idleCount);
    g.set({ state: "in_use" }, pool.totalCount - pool.idleCount);
    g.set({ state: "waiting" }, pool.waitingCount);
    g.set({ state: "max" }, pool.options.max ?? 10);
  });
  registerGauge(
    "rightsbridge_job_queue_jobs",
    "Jobs in each pg-boss queue by state (created, retry, active, failed …).",
    ["queue", "state"],
    async (g) => {
      g.reset();
      try {
        for (const [queue, counts] of await queueCounts()) {
          for (const [state, n] of Object.entries(counts)) g.set({ queue, state }, n);
        }
      } catch {
        // database unavailable: no figures this scrape
      }
    },
  );
  registerGauge("rightsbridge_job_runs", "Recorded job runs by job and outcome (job_run).", ["job", "status"], async (g) => {
    g.reset();
    try {
      const rows = await db.$queryRaw<{ name: string; status: string; n: bigint }[]>`
        SELECT name, status::text AS status, count(*) AS n FROM job_run GROUP BY name, status`;
      for (const row of rows) g.set({ job: row.name, status: row.status }, Number(row.n));
    } catch {
      // database unavailable
    }
  });
  registerGauge(
    "rightsbridge_outbox_backlog",
    "E-mails waiting in the outbox (PENDING: not yet accepted by the SMTP server).",
    [],
    async (g) => {
      g.reset();
      try {
        g.set(await outboxBacklog());
      } catch {
        // database unavailable
      }
    },
  );
}

/** The Prometheus text of this process. */
export async function scrape(): Promise<{ contentType: string; body: string }> {
  registerCollectors();
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
