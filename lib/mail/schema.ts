import { z } from "zod";

export const OUTBOX_STATUSES = ["PENDING", "SENT", "FAILED"] as const;

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    to: z.string(),
    locale: z.string(),
    template: z.string().meta({ description: "verify-email, invitation, password-reset, notification or notification-digest." }),
    subject: z.string(),
    text: z.string().meta({ description: "The plain-text part (links included)." }),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "OutboxMessage" });
