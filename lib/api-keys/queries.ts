import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";

/** Active keys of the organisation, newest first (uuid v7 ids sort by creation time). */
export async function listApiKeys(actor: Actor, page: { limit: number; beforeId?: string } = { limit: 200 }) {
  const rows = await db.apiKey.findMany({
    where: { organizationId: actor.org.id, revokedAt: null, ...(page.beforeId ? { id: { lt: page.beforeId } } : {}) },
    orderBy: { id: "desc" },
    take: page.limit + 1,
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, createdBy: { select: { name: true } } },
  });
  const items = rows.slice(0, page.limit);
  return { items, nextId: rows.length > page.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** The organisation a presented key acts for, or null when the key is unknown or revoked. */
export async function findActiveKey(key: string) {
  const row = await db.apiKey.findUnique({
    where: { keyHash: sha256(key) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      lastUsedAt: true,
      organization: { select: { id: true, name: true, kind: true, homeCountry: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  // Keep last-used fresh to the minute without a write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  return row;
}
