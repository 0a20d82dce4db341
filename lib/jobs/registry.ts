import "server-only";
import { anchorAuditChain } from "@/lib/audit/anchor";
import { expireEndedDeals } from "@/lib/deals/commands/end";
import { logger } from "@/lib/log/logger";
import { deliverPending, startOutboxLoop } from "@/lib/mail/outbox";
import { sendDailyDigests } from "@/lib/notifications/digest";
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
  {
    // The audit chain's head, kept outside the database: appended to AUDIT_ANCHOR_FILE (ship it
    // off the machine) and written to the log; `npm run audit:verify -- --anchor FILE` checks it.
    name: "audit-anchor",
    cron: "15 3 * * *", // daily, 03:15 UTC
    async run() {
      const file = process.env.AUDIT_ANCHOR_FILE || undefined;
      const anchor = await anchorAuditChain(file);
      logger.info({ ...anchor, file }, "audit.anchor");
      return { sequence: anchor.sequence, hash: anchor.hash, file: file ?? null };
    },
  },
  {
    // One e-mail per person per day gathering the notifications they chose to get as a digest
    // (01:00 UTC is 09:00 in China; the unique (person, day) key makes reruns send nothing).
    name: "notification-digest",
    cron: "0 1 * * *",
    async run() {
      const { people, digests, items, skipped } = await sendDailyDigests();
      return { people, digests, items, skipped };
    },
  },
];

/** Loops the worker runs beside the queues (e.g. the e-mail outbox listener); start → stop. */
export const loops: WorkerLoop[] = [startOutboxLoop];

export type { JobDefinition, JobSummary, WorkerLoop } from "./types";
