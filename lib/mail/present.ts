import { iso, isoOrNull } from "@/lib/api/present";
import type { listOutbox } from "./queries";

type Row = Awaited<ReturnType<typeof listOutbox>>["items"][number];

export function presentOutboxMessage(m: Row) {
  return {
    id: m.id,
    to: m.toAddress,
    locale: m.locale,
    template: m.template,
    subject: m.subject,
    text: m.textBody,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: iso(m.nextAttemptAt),
    lastError: m.lastError,
    sentAt: isoOrNull(m.sentAt),
    createdAt: iso(m.createdAt),
  };
}
