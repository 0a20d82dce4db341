import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { type ChainRow, verifyChain } from "./rules";

export type AuditListItem = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string; email: string } | null;
  viaApiKey: string | null;
  before: unknown;
  after: unknown;
};

/**
 * A studio's advance application is its own business until it submits it: the facility is a
 * party to the application's entries from the start (the chain cannot be rewritten), so its
 * view leaves out the entries of applications to it that were never submitted.
 */
async function unsubmittedApplicationsOf(actor: Actor): Promise<string[]> {
  if (actor.org.kind !== "FACILITY") return [];
  const drafts = await db.advance.findMany({
    where: { facility: { orgId: actor.org.id }, submittedAt: null, NOT: { studioId: actor.org.id } },
    select: { id: true },
  });
  return drafts.map((d) => d.id);
}

/** Entries the acting organisation is a party to, newest first, keyset-paginated by id. */
export async function listAuditEntries(
  actor: Actor,
  opts: { limit: number; cursor?: bigint; entityType?: string; entityId?: string },
): Promise<{ items: AuditListItem[]; nextCursor: string | null }> {
  const hidden = await unsubmittedApplicationsOf(actor);
  const rows = await db.auditEntry.findMany({
    where: {
      partyOrgIds: { has: actor.org.id },
      ...(hidden.length > 0 ? { NOT: { entityType: "Advance", entityId: { in: hidden } } } : {}),
      ...(opts.cursor ? { id: { lt: opts.cursor } } : {}),
      ...(opts.entityType ? { entityType: opts.entityType } : {}),
      ...(opts.entityId ? { entityId: opts.entityId } : {}),
    },
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const userIds = [...new Set(page.map((r) => r.actorUserId).filter((v): v is string => v !== null))];
  const keyIds = [...new Set(page.map((r) => r.actorApiKeyId).filter((v): v is string => v !== null))];
  const [users, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    db.apiKey.findMany({ where: { id: { in: keyIds }, organizationId: actor.org.id }, select: { id: true, name: true } }),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const keyById = new Map(keys.map((k) => [k.id, k.name]));
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.at,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actorUserId ? (userById.get(r.actorUserId) ?? null) : null,
      viaApiKey: r.actorApiKeyId ? (keyById.get(r.actorApiKeyId) ?? "API key") : null,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > opts.limit && page.length > 0 ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Verifies the whole chain in batches, so memory stays flat however long the log grows. */
export async function verifyAuditChain(batchSize = 5_000) {
  let cursor = 0n;
  let prev: string | undefined;
  let count = 0;
  const problems: ReturnType<typeof verifyChain>["problems"] = [];
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { id: { gt: cursor } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    const chainRows: ChainRow[] = rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUserId: r.actorUserId,
      actorApiKeyId: r.actorApiKeyId,
      organizationId: r.organizationId,
      partyOrgIds: r.partyOrgIds,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
    const result = verifyChain(chainRows, prev);
    count += result.count;
    problems.push(...result.problems);
    prev = result.lastHash;
    cursor = rows[rows.length - 1]!.id;
  }
  return { count, ok: problems.length === 0, problems };
}
