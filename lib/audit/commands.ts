import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/db/tx";
import { type AuditContent, GENESIS_HASH, hashEntry } from "./rules";

/** Any fixed number: it names the lock that serialises appends to the single audit chain. */
const AUDIT_CHAIN_LOCK = 7_304_212;

export type AuditWho = {
  userId: string | null;
  apiKeyId: string | null;
  organizationId: string | null;
  requestId: string | null;
};

export function who(actor: Actor): AuditWho {
  return { userId: actor.userId, apiKeyId: actor.apiKeyId, organizationId: actor.org.id, requestId: actor.requestId };
}

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId: string;
  /** Organisations party to the record: they may read this entry. */
  partyOrgIds: string[];
  before?: unknown;
  after?: unknown;
};

// Round-trip through JSON so what we hash is exactly what jsonb stores and gives back
// (Dates become strings, undefined disappears).
function plain(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry exists if
 * and only if the change it describes was committed. The transaction-scoped advisory lock
 * makes concurrent commands append one after another, each linking to the previous hash.
 */
export async function recordAudit(tx: Tx, by: AuditWho, event: AuditEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const content: AuditContent = {
    at: at.toISOString(),
    actorUserId: by.userId,
    actorApiKeyId: by.apiKeyId,
    organizationId: by.organizationId,
    partyOrgIds: [...new Set(event.partyOrgIds)].sort(),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: plain(event.before),
    after: plain(event.after),
    requestId: by.requestId,
  };
  await tx.auditEntry.create({
    data: {
      ...content,
      at,
      before: content.before === null ? undefined : (content.before as Prisma.InputJsonValue),
      after: content.after === null ? undefined : (content.after as Prisma.InputJsonValue),
      prevHash,
      hash: hashEntry(prevHash, content),
    },
  });
}
