import "server-only";
import { db } from "@/lib/db/client";

/**
 * The outbox for platform admins, newest first (uuid v7 ids sort by creation time). Messages are
 * platform-wide (an address is not an organisation's), so only the platform permission guards it.
 */
export async function listOutbox(page: { limit: number; beforeId?: string }) {
  const rows = await db.emailOutbox.findMany({
    where: page.beforeId ? { id: { lt: page.beforeId } } : {},
    orderBy: { id: "desc" },
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  return { items, nextId: rows.length > page.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/** How many messages wait to be sent (the outbox backlog). */
export function outboxBacklog(): Promise<number> {
  return db.emailOutbox.count({ where: { status: "PENDING" } });
}
