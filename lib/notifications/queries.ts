import "server-only";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/pagination";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ok, type Result } from "@/lib/result";
import { personOnly } from "./people";
import { resolvePreferences } from "./rules";
import type { NotificationListQuery, NotificationPreference } from "./schema";

const mine = (actor: Actor): Prisma.NotificationWhereInput => ({ userId: actor.userId ?? "", orgId: actor.org.id });

export type NotificationItem = {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  params: Record<string, unknown>;
  href: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
};

const cursorSchema = z.object({ c: z.iso.datetime(), id: z.uuid() });

/**
 * The acting user's notifications in the active organisation, newest first, keyset-paginated.
 * API keys (no user) have none.
 */
export async function listNotifications(
  actor: Actor,
  query: NotificationListQuery,
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  if (!actor.userId) return { items: [], nextCursor: null };
  const filters: Prisma.NotificationWhereInput[] = [mine(actor)];
  if (query.unread === "true") filters.push({ readAt: null });
  if (query.unread === "false") filters.push({ readAt: { not: null } });
  const after = decodeCursor(query.cursor, cursorSchema);
  if (after) {
    const c = new Date(after.c);
    filters.push({ OR: [{ createdAt: { lt: c } }, { createdAt: c, id: { lt: after.id } }] });
  }
  const rows = await db.notification.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((n) => ({
      id: n.id,
      kind: n.kind,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      params: n.params && typeof n.params === "object" && !Array.isArray(n.params) ? (n.params as Record<string, unknown>) : {},
      href: n.href,
      read: n.readAt !== null,
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ c: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** How many of the acting user's notifications in the active organisation are unread (the bell). */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  if (!actor.userId) return 0;
  return db.notification.count({ where: { ...mine(actor), readAt: null } });
}

/**
 * The acting person's notification preferences: every kind, their choice or the default. They
 * belong to the person (the same in each of their organisations); API keys have none.
 */
export async function notificationPreferences(actor: Actor): Promise<Result<{ items: NotificationPreference[] }>> {
  if (!actor.userId) return personOnly();
  const stored = await db.notificationPreference.findMany({
    where: { userId: actor.userId },
    select: { kind: true, email: true, inApp: true },
  });
  return ok({ items: resolvePreferences(stored) });
}
