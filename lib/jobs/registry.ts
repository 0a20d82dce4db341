import "server-only";
import { expireEndedDeals } from "@/lib/deals/commands/end";
import { deliverPending, startOutboxLoop } from "@/lib/mail/outbox";
import type { JobDefinition, WorkerLoop } from "./types";

/**
 * Every background job, by the name `npm run jobs:run -- <name>` takes. Adding a job is one entry
 * here (the worker creates its queue and schedule at start). This file sits above the feature
 * domains, like lib/openapi.ts; the rest of lib/jobs is a lower module.
 */
export const jobs: JobDefinition[] = [
  {
    name: "deal-expiry",
    cron: "0 * * * *", // hourly
    async run() {
      const ids = await expireEndedDeals();
      return { expired: ids.length, dealIds: ids.slice(0, 50) };
    },
  },
  {
    // The outbox loop below delivers within seconds of a commit; this sweep is the safety net
    // (a missed notification, a worker that was down) and what `jobs:run -- outbox` runs.
    name: "outbox",
    cron: "* * * * *", // every minute
    async run() {
      const { sent, failed, retried } = await deliverPending({ limit: 200 });
      return { sent, failed, retried };
    },
  },
];

/** Loops the worker runs beside the queues (e.g. the e-mail outbox listener); start → stop. */
export const loops: WorkerLoop[] = [startOutboxLoop];

export type { JobDefinition, JobSummary, WorkerLoop } from "./types";
